package org.parvis.console.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.Month;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.parvis.network.api.NetworkActivity;
import org.parvis.network.api.NetworkActivity.Metric;

/**
 * The dashboard's charts as SVG drawn on the server (JFreeChart on JFreeSVG): no script, so they
 * show under the console's content security policy; the page gives each a text alternative and the
 * table of its numbers. Series differ by dash and marker as well as by colour.
 *
 * <p>{@code ?courbes=SIGNATURES,COMMENTS&periode=30j&langue=fr}: up to three metrics.
 */
@WebServlet("/staff/dashboard/chart.svg")
public class DashboardChart extends HttpServlet {

  private static final int WIDTH = 720;
  private static final int NARROW = 360;
  private static final int HEIGHT = 300;

  /** Dark enough on white (at least 4.5:1), and told apart by dash and marker too. */
  private static final Color[] COLOURS = {
    new Color(0x1F4E9C), new Color(0xA1401D), new Color(0x1E6B3A)
  };

  private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}};

  @Inject NetworkActivity activity;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var metrics = new ArrayList<Metric>();
    String asked = request.getParameter("courbes");
    for (String name : (asked == null ? "" : asked).split(",")) {
      try {
        var metric = Metric.valueOf(name.strip());
        if (!metrics.contains(metric) && metrics.size() < 3) {
          metrics.add(metric);
        }
      } catch (IllegalArgumentException e) {
        // not a metric: left out
      }
    }
    if (metrics.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    var period = Period.of(request.getParameter("periode"));
    var locale = "en".equals(request.getParameter("langue")) ? Locale.ENGLISH : Locale.FRENCH;
    var today = LocalDate.now(Period.PARIS);
    var from = period.from(today);
    var series = activity.daily(from, today);
    // A narrower drawing for phones (?largeur=etroit), so that its labels stay readable.
    int width = "etroit".equals(request.getParameter("largeur")) ? NARROW : WIDTH;
    String svg = svg(chart(metrics, period, from, series, locale, width), width);
    response.setContentType("image/svg+xml;charset=UTF-8");
    response.setHeader("Cache-Control", "private, max-age=60");
    // JFreeSVG writes its styles as attributes; nothing else runs in the picture.
    response.setHeader(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    response.getOutputStream().write(svg.getBytes(StandardCharsets.UTF_8));
  }

  static JFreeChart chart(
      List<Metric> metrics,
      Period period,
      LocalDate from,
      java.util.Map<Metric, long[]> series,
      Locale locale,
      int width) {
    var texts = ResourceBundle.getBundle("org.parvis.console.web.messages", locale);
    var dataset = new TimeSeriesCollection(TimeZone.getTimeZone(Period.PARIS));
    for (Metric metric : metrics) {
      var line = new TimeSeries(texts.getString("dashboard.metric." + metric.name()));
      for (var bucket : period.buckets(from, series.get(metric))) {
        line.add(time(bucket.start(), period), bucket.value());
      }
      dataset.addSeries(line);
    }
    var chart = ChartFactory.createTimeSeriesChart(null, null, null, dataset, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    var font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    chart.getLegend().setItemFont(font);
    var plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xD0D4DA));
    plot.setDomainGridlinesVisible(false);
    var dates = (DateAxis) plot.getDomainAxis();
    dates.setTimeZone(TimeZone.getTimeZone(Period.PARIS));
    dates.setDateFormatOverride(
        new SimpleDateFormat(period.monthly() ? "MMM yy" : "d MMM", locale));
    dates.setTickLabelFont(font);
    // A label every day over a week; over a month, about one a week (fewer on a narrow drawing);
    // over a year, every month (every two when narrow).
    int step =
        period.monthly()
            ? (width < WIDTH ? 2 : 1)
            : period == Period.WEEK ? 1 : (width < WIDTH ? 10 : 5);
    dates.setTickUnit(
        new DateTickUnit(period.monthly() ? DateTickUnitType.MONTH : DateTickUnitType.DAY, step));
    var counts = (NumberAxis) plot.getRangeAxis();
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
    counts.setLowerBound(0);
    counts.setAutoRangeIncludesZero(true);
    counts.setTickLabelFont(font);
    var renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < metrics.size(); i++) {
      renderer.setSeriesPaint(i, COLOURS[i]);
      renderer.setSeriesStroke(
          i,
          DASHES[i] == null
              ? new BasicStroke(2.5f)
              : new BasicStroke(
                  2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASHES[i], 0f));
      renderer.setSeriesShape(
          i,
          i == 0
              ? new Ellipse2D.Double(-3, -3, 6, 6)
              : i == 1
                  ? new Rectangle2D.Double(-3, -3, 6, 6)
                  : new java.awt.Polygon(new int[] {0, 4, -4}, new int[] {-4, 4, 4}, 3));
    }
    plot.setRenderer(renderer);
    return chart;
  }

  private static RegularTimePeriod time(LocalDate day, Period period) {
    return period.monthly()
        ? new Month(day.getMonthValue(), day.getYear())
        : new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }

  static String svg(JFreeChart chart, int width) {
    var graphics = new SVGGraphics2D(width, HEIGHT);
    chart.draw(graphics, new Rectangle(0, 0, width, HEIGHT));
    return graphics.getSVGDocument();
  }
}
