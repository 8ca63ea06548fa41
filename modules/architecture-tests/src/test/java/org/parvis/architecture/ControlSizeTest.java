package org.parvis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Control classes stay small enough to be read at once: at most {@value #MOST_LINES} lines of
 * source. The classes that were larger when the rule came in are listed with their size then; the
 * list may only shrink: a listed class may not grow, and one brought under the limit leaves it.
 */
class ControlSizeTest {

  static final int MOST_LINES = 300;

  /** The control classes over the limit, with the most lines each may have (December 2026). */
  static final Map<String, Integer> ALLOWED =
      Map.ofEntries(
          Map.entry("org.parvis.network.initiative.control.Initiatives", 811),
          Map.entry("org.parvis.network.member.control.MemberAccounts", 671),
          Map.entry("org.parvis.network.follow.control.Notifications", 432),
          Map.entry("org.parvis.campaign.news.control.Newsroom", 429),
          Map.entry("org.parvis.campaign.staff.control.StaffSignInService", 428),
          Map.entry("org.parvis.campaign.agenda.control.Agenda", 402),
          Map.entry("org.parvis.network.initiative.control.OfficialRouting", 379),
          Map.entry("org.parvis.network.initiative.control.Petitions", 365),
          Map.entry("org.parvis.network.activity.control.ActivityCounts", 366),
          Map.entry("org.parvis.network.privacy.control.NetworkRetention", 359),
          Map.entry("org.parvis.network.ranking.control.Leaderboards", 324));

  private static Map<String, Integer> sizes;

  @BeforeAll
  static void countEveryControlClass() throws IOException {
    Path root = Path.of(System.getProperty("parvis.root", "../..")).toAbsolutePath().normalize();
    sizes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root.resolve("modules"))) {
      for (Path file :
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> p.getParent().getFileName().toString().equals("control"))
              .toList()) {
        String path = file.toString().replace('\\', '/');
        String name =
            path.substring(path.indexOf("/src/main/java/") + "/src/main/java/".length())
                .replace(".java", "")
                .replace('/', '.');
        try (Stream<String> lines = Files.lines(file)) {
          sizes.put(name, (int) lines.count());
        }
      }
    }
  }

  @Test
  void controlClassesAreFoundInEveryModule() {
    assertThat(sizes).hasSizeGreaterThan(100);
    assertThat(sizes.keySet())
        .anyMatch(n -> n.startsWith("org.parvis.network."))
        .anyMatch(n -> n.startsWith("org.parvis.campaign."))
        .anyMatch(n -> n.startsWith("org.parvis.moderation."));
  }

  @Test
  void noControlClassOutgrowsTheLimitOrItsAllowance() {
    var problems = new ArrayList<String>();
    sizes.forEach(
        (name, lines) -> {
          int most = ALLOWED.getOrDefault(name, MOST_LINES);
          if (lines > most) {
            problems.add(name + ": " + lines + " lines, at most " + most);
          }
        });
    assertThat(problems).as("control classes too large: split them").isEmpty();
  }

  @Test
  void theAllowListOnlyShrinks() {
    var stale = new ArrayList<String>();
    ALLOWED.forEach(
        (name, most) -> {
          Integer lines = sizes.get(name);
          if (lines == null || lines <= MOST_LINES) {
            stale.add(name + (lines == null ? " is gone" : " has " + lines + " lines"));
          }
        });
    assertThat(stale).as("classes to take off the allow-list").isEmpty();
  }
}
