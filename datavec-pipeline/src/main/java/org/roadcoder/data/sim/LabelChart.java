package org.roadcoder.data.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Draws a survey's label counts as a bar chart, one bar per network output, into a PNG. */
public final class LabelChart {

    private LabelChart() {
    }

    /** Writes the chart of {@code counts} to {@code png} (the {@code .png} suffix is added by XChart if missing). */
    public static void write(LabelCounts counts, String title, Path png) {
        Map<String, Long> perOutput = counts.perOutput();
        List<String> names = new ArrayList<>(perOutput.keySet());
        List<Long> values = new ArrayList<>(perOutput.values());
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(560).title(title)
                .xAxisTitle("label (flags: the positive category)").yAxisTitle("segments").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.addSeries("segments", names, values);
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label chart " + png, e);
        }
    }
}
