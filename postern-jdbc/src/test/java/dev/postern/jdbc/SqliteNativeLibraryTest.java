package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** Each case starts a fresh JVM ({@link SqliteNativeLibraryProbe}): the driver loads its library once per JVM. */
class SqliteNativeLibraryTest {
    @TempDir
    Path folder;

    @Test
    void keptThenLoadedFromTheFolderAndReusedByTheNextStart() throws Exception {
        List<String> first = probe();

        Path library = keptLibrary();
        assertThat(first).contains("kept=true", "mapped=" + library.toRealPath());
        assertThat(first).anyMatch(line -> line.startsWith("sqlite=3."));
        try (InputStream original = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(library)).isEqualTo(original.readAllBytes());
        }
        FileTime made = Files.getLastModifiedTime(library);

        List<String> second = probe();

        assertThat(second).contains("kept=true", "mapped=" + library.toRealPath());
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(made);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(library);
        }
    }

    @Test
    void locationChosenByTheOperatorThenLeftAlone() throws Exception {
        List<String> output = probe("-Dorg.sqlite.lib.name=" + LibraryLoaderUtil.getNativeLibName());

        assertThat(output).contains("kept=false").anyMatch(line -> line.startsWith("sqlite=3."));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void folderUnusableThenTheDriverUnpacksItsLibraryAsUsual() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "a file");

        List<String> output = probeKeepingIn(notAFolder);

        assertThat(output).contains("kept=false").anyMatch(line -> line.startsWith("sqlite=3."))
                .noneMatch(line -> line.startsWith("mapped=" + folder));
    }

    private Path keptLibrary() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().equals(LibraryLoaderUtil.getNativeLibName()))
                    .findFirst().orElseThrow(() -> new AssertionError("no library kept in " + folder));
        }
    }

    private List<String> probe(String... jvmOptions) throws Exception {
        return probeKeepingIn(folder, jvmOptions);
    }

    private List<String> probeKeepingIn(Path keepIn, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(SqliteNativeLibraryProbe.class.getName(), keepIn.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
