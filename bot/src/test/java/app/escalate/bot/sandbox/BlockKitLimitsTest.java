package app.escalate.bot.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each documented limit: a payload at it passes, one character (or item) over it is refused with Slack's error. */
class BlockKitLimitsTest {
    private static String chars(int n) {
        return "x".repeat(n);
    }

    /** {@code n} characters of which each is one emoji: two UTF-16 units, one character to Slack. */
    private static String emoji(int n) {
        return "\uD83D\uDD25".repeat(n);
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    private static String text(String s) {
        return "{\"type\":\"mrkdwn\",\"text\":\"" + s + "\"}";
    }

    private static String plain(String s) {
        return "{\"type\":\"plain_text\",\"text\":\"" + s + "\"}";
    }

    private static Optional<BlockKitLimits.Violation> blocks(String... blocks) {
        return BlockKitLimits.message("fallback", json("[" + String.join(",", blocks) + "]"));
    }

    private static String section(String s) {
        return "{\"type\":\"section\",\"text\":" + text(s) + "}";
    }

    private static String button(String label, String value, String actionId) {
        return "{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"value\":\"" + value
                + "\",\"text\":" + plain(label) + "}]}";
    }

    private static String view(String title, String metadata, int blocks) {
        String list = IntStream.range(0, blocks).mapToObj(i -> section("s")).collect(Collectors.joining(","));
        return "{\"type\":\"modal\",\"title\":" + plain(title) + ",\"private_metadata\":\"" + metadata + "\",\"blocks\":[" + list + "]}";
    }

    @Test
    void a_section_holds_3000_characters_counted_as_people_count_them() {
        assertThat(blocks(section(chars(3000)))).isEmpty();
        assertThat(blocks(section(emoji(3000)))).as("3,000 emoji are 3,000 characters").isEmpty();
        assertThat(blocks(section(chars(3001)))).contains(new BlockKitLimits.Violation("invalid_blocks",
                "must be less than 3001 characters [json-pointer:/blocks/0/text/text]"));
        assertThat(blocks(section(""))).map(BlockKitLimits.Violation::error).contains("invalid_blocks");
    }

    @Test
    void a_section_has_at_most_ten_fields_of_2000_characters() {
        String ten = IntStream.range(0, 10).mapToObj(i -> text(chars(2000))).collect(Collectors.joining(","));
        assertThat(blocks("{\"type\":\"section\",\"fields\":[" + ten + "]}")).isEmpty();
        assertThat(blocks("{\"type\":\"section\",\"fields\":[" + ten + "," + text("x") + "]}")).map(BlockKitLimits.Violation::detail)
                .contains("no more than 10 items allowed [json-pointer:/blocks/0/fields]");
        assertThat(blocks("{\"type\":\"section\",\"fields\":[" + text(chars(2001)) + "]}")).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]");
    }

    @Test
    void a_message_has_at_most_50_blocks_and_40000_characters_of_text() {
        assertThat(blocks(IntStream.range(0, 50).mapToObj(i -> section("s")).toArray(String[]::new))).isEmpty();
        assertThat(blocks(IntStream.range(0, 51).mapToObj(i -> section("s")).toArray(String[]::new)))
                .map(BlockKitLimits.Violation::error).contains("invalid_blocks");
        assertThat(BlockKitLimits.message(chars(40_000), null)).isEmpty();
        assertThat(BlockKitLimits.message(chars(40_001), null)).map(BlockKitLimits.Violation::error).contains("msg_too_long");
    }

    @Test
    void a_header_holds_150_characters() {
        assertThat(blocks("{\"type\":\"header\",\"text\":" + plain(emoji(150)) + "}")).isEmpty();
        assertThat(blocks("{\"type\":\"header\",\"text\":" + plain(chars(151)) + "}")).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 151 characters [json-pointer:/blocks/0/text/text]");
    }

    @Test
    void a_button_has_75_characters_of_text_a_value_of_2000_and_an_action_id_of_255() {
        assertThat(blocks(button(chars(75), chars(2000), chars(255)))).isEmpty();
        assertThat(blocks(button(chars(76), "v", "a"))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]");
        assertThat(blocks(button("b", chars(2001), "a"))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]");
        assertThat(blocks(button("b", "v", chars(256)))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]");
    }

    @Test
    void a_block_id_holds_255_characters() {
        assertThat(blocks("{\"type\":\"divider\",\"block_id\":\"" + chars(255) + "\"}")).isEmpty();
        assertThat(blocks("{\"type\":\"divider\",\"block_id\":\"" + chars(256) + "\"}")).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 256 characters [json-pointer:/blocks/0/block_id]");
    }

    @Test
    void an_option_has_75_characters_of_text_and_a_value_of_150() {
        String select = "{\"type\":\"actions\",\"elements\":[{\"type\":\"static_select\",\"action_id\":\"a\",\"options\":[{\"text\":%s,\"value\":\"%s\"}]}]}";
        assertThat(blocks(select.formatted(plain(chars(75)), chars(150)))).isEmpty();
        assertThat(blocks(select.formatted(plain(chars(76)), "v"))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/text/text]");
        assertThat(blocks(select.formatted(plain("o"), chars(151)))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]");
    }

    @Test
    void a_context_has_at_most_ten_elements() {
        String ten = IntStream.range(0, 10).mapToObj(i -> text("c")).collect(Collectors.joining(","));
        assertThat(blocks("{\"type\":\"context\",\"elements\":[" + ten + "]}")).isEmpty();
        assertThat(blocks("{\"type\":\"context\",\"elements\":[" + ten + "," + text("c") + "]}")).map(BlockKitLimits.Violation::detail)
                .contains("no more than 10 items allowed [json-pointer:/blocks/0/elements]");
    }

    @Test
    void a_view_has_a_title_of_24_private_metadata_of_3000_and_at_most_100_blocks() {
        assertThat(BlockKitLimits.view(json(view(chars(24), chars(3000), 100)))).isEmpty();
        assertThat(BlockKitLimits.view(json(view(chars(25), "m", 1)))).contains(new BlockKitLimits.Violation("invalid_arguments",
                "must be less than 25 characters [json-pointer:/view/title/text]"));
        assertThat(BlockKitLimits.view(json(view("t", chars(3001), 1)))).map(BlockKitLimits.Violation::detail)
                .contains("must be less than 3001 characters [json-pointer:/view/private_metadata]");
        assertThat(BlockKitLimits.view(json(view("t", "m", 101)))).map(BlockKitLimits.Violation::detail)
                .contains("no more than 100 items allowed [json-pointer:/view/blocks]");
    }
}
