package org.parvis.campaign.agenda.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parvis.campaign.agenda.control.Agenda;

/**
 * The agenda: coming events soonest first (all, or a territory's), and a month's calendar, each day
 * with its events.
 */
@Named
@RequestScoped
public class AgendaPage {

  @Inject Agenda agenda;

  private String territoryKind;
  private String territoryCode;
  private String month;
  private int page;
  private List<Agenda.Event> items;
  private boolean more;

  public List<Agenda.Event> getItems() {
    if (items == null) {
      String kind =
          territoryKind == null || territoryKind.isBlank()
              ? null
              : territoryKind.toUpperCase(Locale.ROOT);
      var all = agenda.upcoming(kind, territoryCode, page, Instant.now());
      items = all.subList(0, Math.min(all.size(), Agenda.PAGE_SIZE));
      more = all.size() > Agenda.PAGE_SIZE;
    }
    return items;
  }

  public boolean isMore() {
    getItems();
    return more;
  }

  public String getTerritoryName() {
    if (territoryKind == null || territoryKind.isBlank()) {
      return null;
    }
    return agenda
        .territoryName(territoryKind.toUpperCase(Locale.ROOT), String.valueOf(territoryCode))
        .orElse(null);
  }

  /** The month shown by the calendar view (this month when none or a bad one is asked). */
  public YearMonth getShownMonth() {
    try {
      return month == null ? YearMonth.now(Agenda.PARIS) : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      return YearMonth.now(Agenda.PARIS);
    }
  }

  /** A day of the calendar grid and its events; {@code day} null for the grid's blanks. */
  public record Day(LocalDate day, List<Agenda.Event> events) {}

  /** The month as weeks of seven days, Monday first. */
  public List<List<Day>> getWeeks() {
    var shown = getShownMonth();
    var events = agenda.month(shown);
    var weeks = new ArrayList<List<Day>>();
    var week = new ArrayList<Day>();
    int blanks = shown.atDay(1).getDayOfWeek().getValue() - 1;
    for (int i = 0; i < blanks; i++) {
      week.add(new Day(null, List.of()));
    }
    for (int d = 1; d <= shown.lengthOfMonth(); d++) {
      LocalDate date = shown.atDay(d);
      week.add(
          new Day(
              date,
              events.stream()
                  .filter(e -> e.startsAt().atZone(Agenda.PARIS).toLocalDate().equals(date))
                  .toList()));
      if (week.size() == 7) {
        weeks.add(week);
        week = new ArrayList<>();
      }
    }
    if (!week.isEmpty()) {
      while (week.size() < 7) {
        week.add(new Day(null, List.of()));
      }
      weeks.add(week);
    }
    return weeks;
  }

  public String getPreviousMonth() {
    return getShownMonth().minusMonths(1).toString();
  }

  public String getNextMonth() {
    return getShownMonth().plusMonths(1).toString();
  }

  public String getTerritoryKind() {
    return territoryKind;
  }

  public void setTerritoryKind(String territoryKind) {
    this.territoryKind = territoryKind;
  }

  public String getTerritoryCode() {
    return territoryCode;
  }

  public void setTerritoryCode(String territoryCode) {
    this.territoryCode = territoryCode;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
