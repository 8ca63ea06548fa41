package org.parvis.kernel.api;

import java.util.List;

/**
 * What takes room in one side's database besides rows of text: pictures, archives. Each module
 * keeping such content provides one as a CDI bean; administrators read them on the system page.
 */
public interface StoredBytes {

  /** What is kept: its kind (a key of the console's bundle), how many items, how many bytes. */
  record Usage(String kind, long items, long bytes) {}

  /** The side whose database keeps it: {@code brand} or {@code network}. */
  String side();

  List<Usage> usage();
}
