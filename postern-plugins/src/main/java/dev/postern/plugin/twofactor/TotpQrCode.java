package dev.postern.plugin.twofactor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of an otpauth URI for enrolment screens, drawn with ZXing: an SVG document (one path, crisp at
 * any size) or a PNG. The TOTP endpoints add one as {@code totpQRCode} when asked ({@code qrCode: "svg"} or
 * {@code "png"} in the body); applications can call {@link #svg} and {@link #png} directly.
 */
public final class TotpQrCode {
    private static final int QUIET_ZONE = 4;
    private static final int PNG_MODULE_PIXELS = 8;

    private TotpQrCode() {
    }

    /** An SVG document, one unit per module, with the standard four-module quiet zone. */
    public static String svg(String uri) {
        BitMatrix matrix = matrix(uri);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** PNG bytes, {@value #PNG_MODULE_PIXELS} pixels per module, black on white. */
    public static byte[] png(String uri) {
        BitMatrix matrix = matrix(uri);
        int size = (matrix.getWidth() + 2 * QUIET_ZONE) * PNG_MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                int x = px / PNG_MODULE_PIXELS - QUIET_ZONE;
                int y = py / PNG_MODULE_PIXELS - QUIET_ZONE;
                boolean dark = x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y);
                image.setRGB(px, py, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code "svg"}: the SVG document; {@code "png"}: a {@code data:image/png;base64,...} URL for an {@code <img>}. */
    static String render(String uri, String format) {
        return format.equals("png") ? "data:image/png;base64," + Base64.getEncoder().encodeToString(png(uri)) : svg(uri);
    }

    private static BitMatrix matrix(String uri) {
        try {
            return new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("URI too long for a QR code", e);
        }
    }
}
