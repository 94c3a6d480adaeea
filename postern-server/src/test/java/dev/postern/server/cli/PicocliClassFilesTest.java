package dev.postern.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The reason postern-picocli exists: the JVM leaves class files older than Java 6 (major version 50) out of
 * its start-up caches, and the published picocli jar targets Java 5.
 */
class PicocliClassFilesTest {
    private static final int JAVA_21 = 65;

    @Test
    void picocliIsCompiledForJava21SoTheStartupCachesCanHoldIt() throws IOException {
        assertThat(majorVersion(CommandLine.class)).isEqualTo(JAVA_21);
        assertThat(majorVersion(CommandLine.Model.CommandSpec.class)).isEqualTo(JAVA_21);
    }

    private static int majorVersion(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).as("class file magic").isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
