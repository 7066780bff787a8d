package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.app.export.SurveyFrames;
import org.roadcoder.app.export.VidaExport;
import org.roadcoder.app.predict.Predictor;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder export CODED_DIR --survey SURVEY --out FILE}: coded segments in iRAP's ViDA upload layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes coded segments as an iRAP ViDA upload file: one row per 100-m segment in chainage order,",
                "image reference, latitude and longitude of the segment's first frame, attribute columns as the",
                "iRAP code the schema exports each category as; the ViDA columns roadcoder does not code stay empty."})
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CODED",
            description = "Folder written by predict (segment_codes.csv), or a segments.csv file (e.g. a reviewed one).")
    Path coded;

    @Option(names = "--survey", paramLabel = "SURVEY", required = true,
            description = "The coded survey folder (its frames.csv gives image references and positions).")
    Path survey;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The ViDA CSV to write.")
    Path out;

    @Option(names = "--coder", paramLabel = "NAME", defaultValue = "roadcoder", description = "Coder name (default: ${DEFAULT-VALUE}).")
    String coder;

    @Option(names = "--coding-date", paramLabel = "DATE", description = "Coding date (default: today, UTC).")
    LocalDate codingDate;

    @Option(names = "--survey-date", paramLabel = "DATE", description = "Road survey date (default: empty).")
    LocalDate surveyDate;

    @Mixin
    SchemaOption schemaOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        LabelSchema schema = schemaOption.load();
        Path codes = Files.isDirectory(coded) ? coded.resolve(Predictor.SEGMENT_FILE) : coded;
        if (!Files.isRegularFile(codes)) {
            throw new DataException(codes, "not found: give the folder predict wrote, or a segments.csv");
        }
        LocalDate date = codingDate != null ? codingDate : LocalDate.now(ZoneOffset.UTC);
        VidaExport.Header header = new VidaExport.Header(coder, date.toString(),
                surveyDate == null ? "" : surveyDate.toString());
        int rows = VidaExport.write(schema, CsvFile.read(codes), SurveyFrames.read(survey.resolve("frames.csv")), header, out);
        List<String> left = VidaExport.unexported(schema);
        stdout.printf("exported %d segments -> %s%n", rows, out);
        if (!left.isEmpty()) {
            stdout.println("not exported (no ViDA code for them; see README): " + String.join(", ", left));
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
