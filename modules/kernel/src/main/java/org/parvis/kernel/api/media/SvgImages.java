package org.parvis.kernel.api.media;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SVG pictures a party uploads (its logo, its icon), accepted only when they are drawings and
 * nothing else: well-formed XML without a DTD or entities, an {@code svg} root, only the elements
 * of shapes, text, gradients and groups, no script, no event attribute, no link or style leading
 * outside the file. What passes is stored as uploaded; it is also served with a policy that forbids
 * scripts, should a browser open it as a page.
 */
public final class SvgImages {

  /** The largest SVG accepted. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Set<String> ELEMENTS =
      Set.of(
          "svg",
          "g",
          "defs",
          "title",
          "desc",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "lineargradient",
          "radialgradient",
          "stop",
          "clippath",
          "mask",
          "use",
          "symbol");

  private static final Pattern OUTSIDE =
      Pattern.compile(
          "(?i)(url\\s*\\(\\s*['\"]?\\s*[^#'\"\\s)])|javascript:|@import|expression\\(");

  private SvgImages() {}

  /** Whether the bytes start like an SVG document (after an optional XML declaration). */
  public static boolean looksLikeSvg(byte[] upload) {
    if (upload == null) {
      return false;
    }
    String start =
        new String(upload, 0, Math.min(upload.length, 512), java.nio.charset.StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT);
    return start.contains("<svg");
  }

  /** The drawing as uploaded when it is safe, or why it is refused (image.type, image.too-big). */
  public static byte[] check(byte[] upload) throws Images.Refused {
    if (upload == null || upload.length == 0) {
      throw new Images.Refused("image.broken");
    }
    if (upload.length > MAX_BYTES) {
      throw new Images.Refused("image.too-big");
    }
    Element root;
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      root =
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(upload)).getDocumentElement();
    } catch (Exception e) {
      throw new Images.Refused("image.type");
    }
    if (!"svg".equals(localName(root))) {
      throw new Images.Refused("image.type");
    }
    checkTree(root);
    return upload.clone();
  }

  private static void checkTree(Element element) throws Images.Refused {
    if (!ELEMENTS.contains(localName(element).toLowerCase(Locale.ROOT))) {
      throw new Images.Refused("image.type");
    }
    var attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      String name = attribute.getNodeName().toLowerCase(Locale.ROOT);
      String value = attribute.getNodeValue();
      if (name.startsWith("on")
          || (name.endsWith("href") && !value.strip().startsWith("#"))
          || OUTSIDE.matcher(value).find()) {
        throw new Images.Refused("image.type");
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      switch (child.getNodeType()) {
        case Node.ELEMENT_NODE -> checkTree((Element) child);
        case Node.TEXT_NODE, Node.COMMENT_NODE -> {}
        default -> throw new Images.Refused("image.type");
      }
    }
  }

  private static String localName(Element element) {
    return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
  }
}
