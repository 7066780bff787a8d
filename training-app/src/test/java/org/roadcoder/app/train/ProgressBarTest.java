package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A training log written to a file must stay one readable line per report, not one line per epoch of redraws. */
class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);
    private final StringWriter text = new StringWriter();

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(new PrintWriter(text), "epoch 1/3", 100, terminal, now::get);
    }

    @Test
    void aLogGetsAPlainLineAfterTheFirstBatchThenEveryThirtySecondsAndNoCarriageReturns() {
        ProgressBar bar = bar(false);
        for (int done = 1; done <= 100; done++) {
            now.addAndGet(SECOND); // one batch a second: 100 s in all
            bar.update(done, 2.0 / done);
        }
        bar.finish();

        assertThat(text.toString()).doesNotContain("\r").isEqualTo(String.join(System.lineSeparator(),
                "epoch 1/3: 1/100 batches  loss 2.0000  ETA 1:39",
                "epoch 1/3: 31/100 batches  loss 0.0645  ETA 1:09",
                "epoch 1/3: 61/100 batches  loss 0.0328  ETA 0:39",
                "epoch 1/3: 91/100 batches  loss 0.0220  ETA 0:09", ""));
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceAndClearedAtTheEnd() {
        ProgressBar bar = bar(true);
        for (int done = 1; done <= 4; done++) {
            now.addAndGet(SECOND / 10); // 100 ms a batch: every other batch is drawn
            bar.update(done, 1.0);
        }
        bar.finish();

        String s = text.toString();
        assertThat(s).doesNotContain("\n").startsWith("\repoch 1/3 [").contains("2/100 batches  loss 1.0000")
                .contains("4/100 batches").doesNotContain("1/100 batches").doesNotContain("3/100 batches")
                .endsWith("\r");
    }
}
