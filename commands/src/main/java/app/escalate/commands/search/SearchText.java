package app.escalate.commands.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits text into the words the word index counts: lower case, letters and digits, common words left out. */
public final class SearchText {
    private static final Set<String> COMMON = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have",
            "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with", "our", "we", "they", "their",
            "after", "into", "been", "but", "not", "no", "so", "than", "then", "there", "which", "who", "will", "can", "all", "any");

    private SearchText() {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.length() < 2 || COMMON.contains(token)) continue;
            words.add(stem(token));
        }
        return words;
    }

    /** A light stem, so "accounts" finds "account" and "leaked" finds "leak"; no dictionary, so only safe endings. */
    static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) return word.substring(0, word.length() - 3);
        if (word.length() > 4 && word.endsWith("ed")) return word.substring(0, word.length() - 2);
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.substring(0, word.length() - 1);
        return word;
    }
}
