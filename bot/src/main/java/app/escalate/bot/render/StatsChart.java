package app.escalate.bot.render;

import app.escalate.commands.TeamStats;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code /esc stats} picture: weekly volume by case type (stacked) beside SLA compliance per severity, as one PNG. */
public final class StatsChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private StatsChart() {
    }

    public static byte[] png(TeamStats.Report r) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage left = BitmapEncoder.getBufferedImage(volume(r));
        BufferedImage right = BitmapEncoder.getBufferedImage(compliance(r));
        BufferedImage both = new BufferedImage(WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, WIDTH, 0, null);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(both, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CategoryChart volume(TeamStats.Report r) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Cases opened per week, by type")
                .xAxisTitle("Week starting").yAxisTitle("Cases").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> weeks = r.weekly().weekStarts().stream().map(WEEK::format).toList();
        if (r.weekly().byType().isEmpty()) {
            chart.addSeries("no cases", weeks, new ArrayList<>(java.util.Collections.nCopies(weeks.size(), 0)));
        }
        for (Map.Entry<String, List<Integer>> type : r.weekly().byType().entrySet()) {
            chart.addSeries(type.getKey(), weeks, type.getValue());
        }
        return chart;
    }

    private static CategoryChart compliance(TeamStats.Report r) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("SLA met, per severity (%)")
                .xAxisTitle("Severity").yAxisTitle("% of clocks met").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        // Only severities with a clock that has ended: an empty bar would read as "always missed".
        List<String> severities = List.of("SEV1", "SEV2", "SEV3", "SEV4").stream().filter(s ->
                r.ackCompliance().getOrDefault(s, new TeamStats.Compliance(0, 0)).total() > 0
                        || r.mitigateCompliance().getOrDefault(s, new TeamStats.Compliance(0, 0)).total() > 0).toList();
        if (severities.isEmpty()) {
            chart.addSeries("no clock has ended yet", List.of("-"), List.of(0));
            return chart;
        }
        chart.addSeries("acknowledge", severities, percents(r.ackCompliance(), severities));
        chart.addSeries("mitigate", severities, percents(r.mitigateCompliance(), severities));
        return chart;
    }

    private static List<Double> percents(Map<String, TeamStats.Compliance> bySeverity, List<String> severities) {
        return severities.stream().map(s -> bySeverity.containsKey(s) ? bySeverity.get(s).share().map(x -> x * 100).orElse(0.0) : 0.0).toList();
    }
}
