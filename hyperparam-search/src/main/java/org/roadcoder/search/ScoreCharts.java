package org.roadcoder.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of a search: score over hidden size (log scale) and score over drop rate. */
public final class ScoreCharts {

    private ScoreCharts() {
    }

    /** Writes {@code score_vs_hidden.png} and {@code score_vs_dropout.png} into {@code dir}. */
    public static void write(SearchOutcome outcome, Path dir) throws IOException {
        List<CandidateRecord> ok = outcome.ranked().stream().filter(r -> !r.failed()).toList();
        if (ok.isEmpty()) {
            return;
        }
        save(chart(ok, outcome, "hidden size", r -> r.hidden(), true), dir.resolve("score_vs_hidden.png"));
        save(chart(ok, outcome, "drop rate", CandidateRecord::dropRate, false), dir.resolve("score_vs_dropout.png"));
    }

    private static XYChart chart(List<CandidateRecord> ok, SearchOutcome outcome, String xName,
                                 ToDoubleFunction<CandidateRecord> x, boolean logX) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(outcome.scoreName() + " by " + xName)
                .xAxisTitle(xName).yAxisTitle(outcome.scoreName()).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setMarkerSize(10);
        double[] xs = ok.stream().mapToDouble(x).toArray();
        double[] ys = ok.stream().mapToDouble(CandidateRecord::score).toArray();
        c.addSeries("candidates", xs, ys).setMarker(SeriesMarkers.CIRCLE);
        if (outcome.best() != null) {
            c.addSeries("best", new double[] {x.applyAsDouble(outcome.best())}, new double[] {outcome.best().score()})
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        return c;
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
