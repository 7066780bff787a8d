package org.roadcoder.data.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.image.ImagePreset;

/** Times each stage of loading one frame, single-threaded: where does the time go? */
public final class StageProfile {

    private StageProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = SyntheticSurvey.create(Path.of("/tmp/roadcoder-bench"), 2000, 224);
        NativeImageLoader loader = new NativeImageLoader(224, 224, 3);
        int n = 1000;
        long read = 0;
        long cvt = 0;
        long toNd = 0;
        long norm = 0;
        for (int round = 0; round < 2; round++) {
            read = 0;
            cvt = 0;
            toNd = 0;
            norm = 0;
            INDArray batch = Nd4j.create(DataType.FLOAT, 32, 3, 224, 224);
            for (int i = 0; i < n; i++) {
                String p = dir.resolve("images/" + (i / 1000) + "/f" + i + ".jpg").toString();
                long t0 = System.nanoTime();
                Mat bgr = imread(p, IMREAD_COLOR);
                long t1 = System.nanoTime();
                Mat rgb = new Mat();
                cvtColor(bgr, rgb, COLOR_BGR2RGB);
                long t2 = System.nanoTime();
                INDArray a = loader.asMatrix(rgb);
                batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i % 32)).assign(a);
                long t3 = System.nanoTime();
                if (i % 32 == 31) {
                    ImagePreset.VGG.normalise(batch);
                }
                long t4 = System.nanoTime();
                read += t1 - t0;
                cvt += t2 - t1;
                toNd += t3 - t2;
                norm += t4 - t3;
                a.close();
                rgb.close();
                bgr.close();
            }
        }
        System.out.printf("per frame: imread %.3f ms, cvtColor %.3f ms, asMatrix+assign %.3f ms, normalise %.3f ms%n",
                read / 1e6 / n, cvt / 1e6 / n, toNd / 1e6 / n, norm / 1e6 / n);
    }
}
