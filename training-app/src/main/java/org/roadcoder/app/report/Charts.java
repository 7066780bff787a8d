package org.roadcoder.app.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.BubbleChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.roadcoder.model.metrics.LabelMetrics;

/** The report's PNG charts (XChart), as bytes. */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * The proof of concept's precision-recall scatter: one dot per output, recall on x, precision on y,
     * dot area proportional to the output's count of positive examples, every dot named (names of dots
     * at the same place are stacked, upwards in the lower half). Outputs with neither positives nor
     * predictions have no point to draw; the title counts them and the report's tables list them.
     */
    public static byte[] precisionRecall(List<LabelMetrics> labels, List<String> names, String title) {
        List<Integer> drawn = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).support() > 0 || labels.get(i).predicted() > 0) {
                drawn.add(i);
            }
        }
        int hidden = labels.size() - drawn.size();
        BubbleChart chart = new BubbleChartBuilder().width(1000).height(800)
                .title(title + (hidden > 0 ? "; " + hidden + " never present nor predicted, not drawn" : ""))
                .xAxisTitle("recall").yAxisTitle("precision").build();
        chart.getStyler().setXAxisMin(-0.05).setXAxisMax(1.15).setYAxisMin(-0.05).setYAxisMax(1.1);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        long max = Math.max(1, labels.stream().mapToLong(LabelMetrics::support).max().orElse(1));
        double[] x = new double[Math.max(1, drawn.size())];
        double[] y = new double[x.length];
        double[] size = new double[x.length];
        java.util.Map<String, Integer> stacked = new java.util.HashMap<>();
        for (int k = 0; k < drawn.size(); k++) {
            LabelMetrics m = labels.get(drawn.get(k));
            x[k] = m.recall();
            y[k] = m.precision();
            size[k] = 4 + 60 * Math.sqrt((double) m.support() / max);
            int nth = stacked.merge(Math.round(x[k] * 50) + "," + Math.round(y[k] * 50), 1, Integer::sum) - 1;
            double step = y[k] < 0.5 ? 0.025 : -0.025;
            chart.addAnnotation(new AnnotationText(names.get(drawn.get(k)) + " (" + m.support() + ")", x[k],
                    y[k] + 0.015 + step * nth, false));
        }
        chart.addSeries("outputs", x, y, size);
        return png(chart);
    }

    /** One exclusive group's confusion matrix: true category down, predicted across, counts shown. */
    public static byte[] confusion(Confusion c, List<String> categories) {
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(560, 200 + 110 * categories.size()))
                .height(160 + 60 * categories.size()).title(c.group() + ": rows true, columns predicted")
                .build();
        chart.getStyler().setShowValue(true).setRangeColors(new Color[] {Color.WHITE, new Color(40, 90, 170)});
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        List<Number[]> cells = new ArrayList<>();
        int n = categories.size();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[] {p, n - 1 - t, c.counts()[t][p]});
            }
        }
        List<String> rows = new ArrayList<>(categories);
        java.util.Collections.reverse(rows);
        chart.addSeries(c.group(), categories, rows, cells);
        return png(chart);
    }

    /** How many examples carry each output's label. */
    public static byte[] labelCounts(List<String> names, List<Long> counts, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(600).title(title).yAxisTitle("examples")
                .build();
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("count", names, counts);
        return png(chart);
    }

    /**
     * One attribute's coverage-precision curve on the evaluated segments (most confident first), the target
     * precision as a line and the tuned threshold's point as a marker.
     */
    public static byte[] coveragePrecision(String group, Abstention.Group g, double target) {
        XYChart chart = new XYChartBuilder().width(640).height(420)
                .title(group + ": precision of the accepted codes vs the share accepted").xAxisTitle("coverage")
                .yAxisTitle("precision").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.05);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(4);
        double[][] p = g.curve().points();
        if (p[0].length > 0) {
            chart.addSeries("evaluated segments", p[0], p[1]).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        chart.addSeries("target " + target, new double[] {0, 1}, new double[] {target, target})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        double coverage = 1 - g.reviewShare();
        if (coverage > 0 && Double.isFinite(g.acceptedPrecision())) {
            chart.addSeries("tuned threshold", new double[] {coverage}, new double[] {g.acceptedPrecision()})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerColor(Color.RED);
        }
        return png(chart);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart", e);
        }
    }
}
