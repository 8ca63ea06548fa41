package org.parvis.moderation.log.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.moderation.log.entity.ModerationLogEntry;
import org.parvis.moderation.schema.control.ModerationDatabase;
import org.parvis.testing.ModuleDeployment;

/** moderation on Payara Micro: its own tables in the network database, its audit log. */
@ExtendWith(ArquillianExtension.class)
class ModerationLogIT {

  @Deployment
  static WebArchive deployment() {
    // The network's api (events moderation observes and fires) travels with it, as in the EAR.
    return ModuleDeployment.of("moderation", ModerationLogIT.class)
        .addPackage(org.parvis.network.api.ContentPublished.class.getPackage());
  }

  @Inject ModerationDatabase database;
  @Inject ModerationLog log;

  @Resource(lookup = "jdbc/network")
  DataSource network;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void keepsItsMigrationHistoryApartFromTheNetworkModule() throws SQLException {
    try (var connection = network.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM flyway_history_moderation WHERE success")) {
      rows.next();
      assertThat(rows.getLong(1)).isPositive();
    }
  }

  @Test
  void recordsActionsAndListsThemNewestFirstPerItem() {
    String item = UUID.randomUUID().toString();
    log.record("moderator-1", "HIDE", "initiative", item, "Propos haineux (charte, article 2)");
    log.record("moderator-2", "RESTORE", "initiative", item, "Appel accepté");

    var history = log.of("initiative", item, 0, 10);
    assertThat(history).extracting(ModerationLogEntry::action).containsExactly("RESTORE", "HIDE");
    assertThat(history).allSatisfy(e -> assertThat(e.id()).isNotNull());
    assertThat(log.latest(0, 1)).hasSize(1);
  }

  @Test
  void pagesAreBounded() {
    for (int i = 0; i < 3; i++) {
      log.record("moderator-1", "DISMISS", "comment", "c-" + i, "Signalement infondé");
    }
    assertThat(log.latest(0, 2)).hasSize(2);
    assertThat(log.latest(-5, 100_000)).hasSizeLessThanOrEqualTo(ModerationLog.MAX_PAGE);
  }

  @Test
  void anActionWithoutReasonIsRefused() {
    assertThatThrownBy(() -> log.record("moderator-1", "BAN", "member", "m-1", "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }
}
