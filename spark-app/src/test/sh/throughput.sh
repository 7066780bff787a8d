#!/usr/bin/env bash
# spark-app throughput bench: `predict` against `spark-predict --master local[2]` on the same run and survey,
# alternating, from the shaded jar plus Spark's own jars (what spark-submit would add; no Spark distribution
# is needed). Prints each command's scoring rate (its "coded" line), wall and CPU seconds and peak RSS, and
# checks that both wrote the same segment_codes.csv.
#
#   spark-app/src/test/sh/throughput.sh demo [SCRATCH]   # 20,000 frames at 64 px, the demo network, 2 rounds
#   spark-app/src/test/sh/throughput.sh full [SCRATCH]   # 200 frames at 224 px, data/full.yaml's VGG16, 1 round
#
# SCRATCH (default /tmp/roadcoder-spark-bench) holds the surveys, runs and outputs; they are made on first use
# (the demo survey: `simulate --roads 20 --road-length-m 10000 --size 64`, a few minutes; ROADS=N and
# LENGTH_M=M make a smaller one, e.g. to try the script). The models are trained for a few batches only:
# throughput does not depend on what the weights learned.
set -euo pipefail
what=${1:?usage: throughput.sh demo|full [SCRATCH]}
S0=${2:-/tmp/roadcoder-spark-bench}
cd "$(dirname "$0")/../../.."
mkdir -p "$S0"
JAR=spark-app/target/spark-app-0.1.0-SNAPSHOT-spark.jar
if [ ! -f "$JAR" ] || [ ! -f "$S0/cp-spark-app.txt" ]; then
  mvn -B -q -Pshade -pl spark-app -am package -DskipTests dependency:build-classpath -DincludeScope=provided \
    "-Dmdep.outputFile=$S0/cp-\${project.artifactId}.txt"
fi
CP="$JAR:$(cat "$S0/cp-spark-app.txt")"
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED)
export MALLOC_MMAP_THRESHOLD_=4194304
rc() {
  java "${OPENS[@]}" -Dorg.eclipse.deeplearning4j.helpers.disable=false -Dorg.bytedeco.javacpp.maxbytes=8G \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Xmx3g -cp "$CP" org.roadcoder.spark.SparkMain "$@"
}
timed() { # name, then the command's arguments
  local name=$1; shift
  echo "== $name: $* (load: $(uptime | sed 's/.*load average: //'))"
  local log="$S0/last.log"
  /usr/bin/time -f "TIME wall %e s, user %U s, sys %S s, max RSS %M KB" -o "$S0/time.txt" \
    java "${OPENS[@]}" -Dorg.eclipse.deeplearning4j.helpers.disable=false -Dorg.bytedeco.javacpp.maxbytes=8G \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Xmx3g -cp "$CP" org.roadcoder.spark.SparkMain "$@" > "$log" 2>&1 \
    || { tail -20 "$log"; exit 1; }
  grep -E "coded" "$log" || true
  cat "$S0/time.txt"
}
compare() { cmp "$1/segment_codes.csv" "$2/segment_codes.csv" && echo "segment_codes.csv identical"; }
case "$what" in
  demo)
    ROADS=${ROADS:-20}; LENGTH_M=${LENGTH_M:-10000}
    S=$S0/sim-$ROADS-$LENGTH_M; R=$S0/run-demo
    [ -f "$S/frames.csv" ] || rc simulate --out "$S" --roads "$ROADS" --road-length-m "$LENGTH_M" --size 64 | tail -1
    [ -f "$R/model.zip" ] || rc train "$S" --config data/demo.yaml --out "$R" --epochs 1 --max-batches 5 | tail -3
    for round in 1 2; do
      rm -rf "$S0/out-p" "$S0/out-s"
      timed "round $round predict" predict "$R" "$S" --out "$S0/out-p"
      timed "round $round spark-predict" spark-predict "$R" "$S" --out "$S0/out-s" --master 'local[2]'
      compare "$S0/out-p" "$S0/out-s"
    done ;;
  full)
    S=$S0/sim224; R=$S0/run-full
    [ -f "$S/frames.csv" ] || rc simulate --out "$S" --roads 4 --road-length-m 500 --size 224 | tail -1
    [ -f "$R/model.zip" ] || rc train "$S" --config data/full.yaml --out "$R" --epochs 1 --max-batches 1 \
      --set data.workers=2 --set data.prefetch=1 | tail -3
    rm -rf "$S0/out-fp" "$S0/out-fs"
    timed "full predict" predict "$R" "$S" --out "$S0/out-fp"
    timed "full spark-predict" spark-predict "$R" "$S" --out "$S0/out-fs" --master 'local[2]'
    compare "$S0/out-fp" "$S0/out-fs" ;;
  *) echo "usage: throughput.sh demo|full [SCRATCH]" >&2; exit 2 ;;
esac
