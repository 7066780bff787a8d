package org.roadcoder.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark program, over its defaults; Maven passes them as one word. */
final class Arguments {

    private Arguments() {
    }

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        String[] words = String.join(" ", args).trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            if (!values.containsKey(words[i])) {
                throw new IllegalArgumentException("unknown option " + words[i] + "; expected " + defaults.keySet());
            }
            values.put(words[i], words[i + 1]);
        }
        if (words.length % 2 == 1 && !words[0].isEmpty()) {
            throw new IllegalArgumentException(words[words.length - 1] + " needs a value");
        }
        return values;
    }
}
