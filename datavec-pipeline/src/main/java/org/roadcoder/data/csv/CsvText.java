package org.roadcoder.data.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a CSV file from its bytes. UTF-8 with or without a byte-order mark is read as is;
 * UTF-16 with a byte-order mark (Excel's "Unicode text") is decoded; anything else (Latin-1 or
 * Windows-1252 exports, UTF-16 without a mark, binary files) is refused naming the line and the
 * first byte that is not UTF-8, since guessing a legacy code page would silently change ids.
 */
final class CsvText {

    static final String SAVE_AS = "save it as UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)'; LibreOffice: "
            + "character set 'Unicode (UTF-8)')";

    private CsvText() {
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CsvError(lineAt(bytes, i), "", "", "the file holds NUL bytes: it is UTF-16 without a "
                        + "byte-order mark or not a text file; " + SAVE_AS);
            }
        }
        return strict(bytes, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String hex = String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF);
            String what = charset == StandardCharsets.UTF_8
                    ? "not UTF-8 (byte " + hex + " cannot be read as UTF-8; a Latin-1 or Windows-1252 export?)"
                    : "not valid " + charset.name() + " (at byte " + hex + ")";
            throw new CsvError(charset == StandardCharsets.UTF_8 ? lineAt(bytes, at) : 0, "", hex, what + "; " + SAVE_AS);
        }
        out.flip();
        return out.toString();
    }

    /** The 1-based line of byte {@code at}, counting LF, CRLF and lone CR line ends. */
    private static int lineAt(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
