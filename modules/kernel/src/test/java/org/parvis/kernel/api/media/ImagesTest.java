package org.parvis.kernel.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

  static byte[] picture(String format, int width, int height) throws Exception {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  @Test
  void aRealJpegIsRedrawnAndShrunk() throws Exception {
    byte[] upload = picture("jpeg", 3000, 1500);
    var cleaned = Images.clean(upload, 1600);
    assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
    assertThat(cleaned.width()).isEqualTo(1600);
    assertThat(cleaned.height()).isEqualTo(800);
    var decoded = ImageIO.read(new ByteArrayInputStream(cleaned.bytes()));
    assertThat(decoded.getWidth()).isEqualTo(1600);
  }

  @Test
  void whatFollowsThePictureIsLeftBehind() throws Exception {
    byte[] png = picture("png", 40, 30);
    byte[] secret =
        "<?php system($_GET['c']); ?> GPS 45.17N 1.87E".getBytes(StandardCharsets.UTF_8);
    byte[] upload = new byte[png.length + secret.length];
    System.arraycopy(png, 0, upload, 0, png.length);
    System.arraycopy(secret, 0, upload, png.length, secret.length);
    var cleaned = Images.clean(upload, 1600);
    assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("php", "GPS");
    assertThat(cleaned.width()).isEqualTo(40);
  }

  @Test
  void disguisedOrBrokenFilesAreRefused() throws Exception {
    assertThatThrownBy(() -> Images.clean("<svg onload=alert(1)>".getBytes(), 1600))
        .isInstanceOfSatisfying(
            Images.Refused.class, r -> assertThat(r.key()).isEqualTo("image.type"));
    byte[] gif = picture("gif", 10, 10);
    assertThatThrownBy(() -> Images.clean(gif, 1600))
        .isInstanceOfSatisfying(
            Images.Refused.class, r -> assertThat(r.key()).isEqualTo("image.type"));
    byte[] truncated = java.util.Arrays.copyOf(picture("png", 50, 50), 30);
    assertThatThrownBy(() -> Images.clean(truncated, 1600))
        .isInstanceOfSatisfying(
            Images.Refused.class, r -> assertThat(r.key()).isEqualTo("image.broken"));
    assertThatThrownBy(() -> Images.clean(new byte[Images.MAX_BYTES + 1], 1600))
        .isInstanceOfSatisfying(
            Images.Refused.class, r -> assertThat(r.key()).isEqualTo("image.too-big"));
  }
}
