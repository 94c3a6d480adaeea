package dev.postern.plugin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR codes of an otpauth URI decode back to the URI, as an authenticator app's camera would read them. */
class TotpQrCodeTest {
    private static final String URI = "otpauth://totp/Postern:ada%40example.com"
            + "?secret=GR2HSSZTKZHHK33FIFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3A&issuer=Postern&digits=6&period=30";
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    @Test
    void thePngDecodesToTheUri() throws Exception {
        byte[] png = TotpQrCode.png(URI);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());

        assertThat(decode(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))).isEqualTo(URI);
    }

    @Test
    void theSvgModulesDecodeToTheUri() throws Exception {
        String svg = TotpQrCode.svg(URI);
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[modules * scale * modules * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * modules * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(decode(new RGBLuminanceSource(modules * scale, modules * scale, pixels))).isEqualTo(URI);
    }

    private static String decode(LuminanceSource source) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
