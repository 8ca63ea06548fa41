package org.parvis.kernel.api.style;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The party's identity on its three sites, set by an administrator in the console: its name and
 * short name, its main colour (the brand site and the console) and its accent colour (the citizen
 * network), the brand home's hero text in French and English. The brand database keeps it and the
 * network database keeps its own copy, so that the network never reads the brand's database.
 *
 * @param version grows at each change; addresses of the theme and images carry it
 */
public record SiteIdentity(
    String partyName,
    String shortName,
    String mainColour,
    String accentColour,
    String heroFr,
    String heroEn,
    long version) {

  /** Parvis's own colours, until the party sets its own. */
  public static final String DEFAULT_MAIN = "#1f4e9c";

  public static final String DEFAULT_ACCENT = "#0f7a5c";

  /** The party's name from the configuration ({@code parvis.party.name}), Parvis by default. */
  public static String configuredPartyName() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("parvis.party.name", String.class)
        .orElse("Parvis");
  }

  /** What the sites show before an administrator sets anything. */
  public static SiteIdentity defaults(String partyName) {
    return new SiteIdentity(partyName, partyName, DEFAULT_MAIN, DEFAULT_ACCENT, null, null, 0);
  }

  /** Why a field is refused: its message key and, for a colour, the contrast measured. */
  public record Problem(String key, Double measured) {}

  /**
   * What is wrong with this identity, by field. Both colours carry white text (header, buttons) and
   * are read as text on white (links): each needs 4.5:1 against white.
   */
  public Map<String, Problem> problems() {
    var problems = new LinkedHashMap<String, Problem>();
    if (blank(partyName) || partyName.strip().length() > 120) {
      problems.put("partyName", new Problem("identity.partyName.invalid", null));
    }
    if (blank(shortName) || shortName.strip().length() > 30) {
      problems.put("shortName", new Problem("identity.shortName.invalid", null));
    }
    colour("mainColour", mainColour, problems);
    colour("accentColour", accentColour, problems);
    if (heroFr != null && heroFr.strip().length() > 400) {
      problems.put("heroFr", new Problem("identity.hero.invalid", null));
    }
    if (heroEn != null && heroEn.strip().length() > 400) {
      problems.put("heroEn", new Problem("identity.hero.invalid", null));
    }
    return problems;
  }

  private static void colour(String field, String value, Map<String, Problem> problems) {
    var parsed = Colours.parse(value);
    if (parsed.isEmpty()) {
      problems.put(field, new Problem("identity.colour.invalid", null));
      return;
    }
    double ratio = Colours.contrast(parsed.get(), "#ffffff");
    if (ratio < Colours.TEXT_CONTRAST) {
      problems.put(field, new Problem("identity.colour.contrast", Math.floor(ratio * 100) / 100));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The same identity, its texts trimmed and colours written #rrggbb. */
  public SiteIdentity normalised() {
    return new SiteIdentity(
        partyName == null ? null : partyName.strip(),
        shortName == null ? null : shortName.strip(),
        Colours.parse(mainColour).orElse(mainColour),
        Colours.parse(accentColour).orElse(accentColour),
        blank(heroFr) ? null : heroFr.strip(),
        blank(heroEn) ? null : heroEn.strip(),
        version);
  }

  /** The hero text in a language ("fr" or "en"), or null when none was set. */
  public String hero(String language) {
    return "en".equals(language) ? heroEn : heroFr;
  }

  /** A darker shade of a colour for hovered buttons: each channel at 80 %. */
  public static String darker(String colour) {
    String hex = Colours.parse(colour).orElse(DEFAULT_MAIN);
    StringBuilder out = new StringBuilder("#");
    for (int i = 1; i < 7; i += 2) {
      int channel = (int) Math.round(Integer.parseInt(hex.substring(i, i + 2), 16) * 0.8);
      out.append(String.format("%02x", channel));
    }
    return out.toString();
  }
}
