package org.parvis.moderation.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.sql.control.NamedRows;
import org.parvis.network.api.PersonalDataSection;

/**
 * Moderation's part of a member's export: the reports they filed, their appeals and the sanctions
 * they received (with the statements of reasons they were sent).
 */
@ApplicationScoped
@Transactional
public class ModerationData implements PersonalDataSection {

  /** The table each category is read from (see the network's MemberExport.SOURCES). */
  public static final Map<String, String> SOURCES =
      Map.of(
          "reportsFiled", "moderation_report",
          "reportsWeighed", "moderation_reporter",
          "appeals", "moderation_appeal",
          "sanctions", "moderation_sanction",
          "moderationDecisions", "moderation_item",
          "trainingSamples", "moderation_training");

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Override
  public Map<String, List<Map<String, Object>>> of(long memberId) {
    var data = new LinkedHashMap<String, List<Map<String, Object>>>();
    data.put(
        "reportsFiled",
        NamedRows.maps(
            em,
            "SELECT kind, item_id, reason, details, reported_at, outcome FROM moderation_report"
                + " WHERE reporter_id = ? ORDER BY reported_at",
            memberId));
    data.put(
        "reportsWeighed",
        NamedRows.maps(
            em,
            "SELECT upheld, dismissed FROM moderation_reporter WHERE reporter_id = ?",
            memberId));
    data.put(
        "appeals",
        NamedRows.maps(
            em,
            "SELECT kind, item_id, text, filed_at, outcome, statement, decided_at"
                + " FROM moderation_appeal WHERE author_id = ? ORDER BY filed_at",
            memberId));
    data.put(
        "sanctions",
        NamedRows.maps(
            em,
            "SELECT kind, statement, starts_at, ends_at, lifted_at FROM moderation_sanction"
                + " WHERE member_id = ? ORDER BY starts_at",
            memberId));
    data.put(
        "moderationDecisions",
        NamedRows.maps(
            em,
            "SELECT kind, item_id, status, statement, flagged_at, decided_at FROM moderation_item"
                + " WHERE author_id = ? ORDER BY flagged_at",
            memberId));
    data.put(
        "trainingSamples",
        NamedRows.maps(
            em,
            "SELECT kind, item_id, text, unacceptable, decided_at FROM moderation_training"
                + " WHERE author_id = ? ORDER BY decided_at",
            memberId));
    return data;
  }
}
