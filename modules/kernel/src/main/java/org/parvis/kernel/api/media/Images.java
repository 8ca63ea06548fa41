package org.parvis.kernel.api.media;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images people upload, made safe before they are stored: the type is told from the content (PNG or
 * JPEG signatures, then a real decoding), never from the file name or the browser's word; the
 * dimensions are read before decoding so that a small file claiming a huge picture is refused; the
 * picture is drawn again, at most {@code maxSide} pixels wide or high, into a new PNG or JPEG file,
 * which leaves behind every metadata block (EXIF position, camera, author) and anything hidden
 * after the picture.
 */
public final class Images {

  /** The largest upload read at all. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The largest picture decoded (about 40 megapixels), against decompression bombs. */
  static final long MAX_PIXELS = 40_000_000L;

  private Images() {}

  /** A cleaned image: its bytes, its content type (image/png or image/jpeg), its size. */
  public record Cleaned(byte[] bytes, String contentType, int width, int height) {}

  /** Why an upload was refused: a message key suffix (image.too-big, image.type, image.broken). */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    Refused(String key) {
      super(key);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** Cleans an upload, or says why it is refused. */
  public static Cleaned clean(byte[] upload, int maxSide) throws Refused {
    if (upload == null || upload.length == 0) {
      throw new Refused("image.broken");
    }
    if (upload.length > MAX_BYTES) {
      throw new Refused("image.too-big");
    }
    boolean png = startsWith(upload, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    boolean jpeg = startsWith(upload, 0xFF, 0xD8, 0xFF);
    if (!png && !jpeg) {
      throw new Refused("image.type");
    }
    BufferedImage picture = decode(upload, png ? "png" : "jpeg");
    int width = picture.getWidth();
    int height = picture.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    boolean alpha = picture.getColorModel().hasAlpha();
    var redrawn =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    var graphics = redrawn.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      graphics.drawImage(picture.getScaledInstance(w, h, Image.SCALE_SMOOTH), 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return alpha
        ? new Cleaned(write(redrawn, "png"), "image/png", w, h)
        : new Cleaned(write(redrawn, "jpeg"), "image/jpeg", w, h);
  }

  private static BufferedImage decode(byte[] upload, String format) throws Refused {
    try (ImageInputStream input =
        ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      if (input == null || !readers.hasNext()) {
        throw new Refused("image.type");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          throw new Refused("image.too-big");
        }
        BufferedImage picture = reader.read(0);
        if (picture == null) {
          throw new Refused("image.broken");
        }
        return picture;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refused("image.broken");
    }
  }

  private static byte[] write(BufferedImage picture, String format) {
    try (var bytes = new ByteArrayOutputStream();
        ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      var writer = ImageIO.getImageWritersByFormatName(format).next();
      try {
        writer.setOutput(output);
        var parameters = writer.getDefaultWriteParam();
        if ("jpeg".equals(format)) {
          parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          parameters.setCompressionQuality(0.85f);
        }
        writer.write(null, new IIOImage(picture, null, null), parameters);
      } finally {
        writer.dispose();
      }
      output.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWith(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
