package org.parvis.network.site.boundary;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;

/**
 * A response body held in memory instead of sent (filters that add headers after the page is
 * rendered, or keep the page): what the page writes goes into {@code bytes}.
 */
public final class HeldBody extends ServletOutputStream {

  private final ByteArrayOutputStream bytes;

  public HeldBody(ByteArrayOutputStream bytes) {
    this.bytes = bytes;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {}

  @Override
  public void write(int b) {
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes.write(b, off, len);
  }
}
