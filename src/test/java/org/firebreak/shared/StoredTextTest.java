package org.firebreak.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {

    @Test
    void newlineTabCarriageReturnAndAnyPrintableCharacterAreStoredText() {
        assertThat(StoredText.refusal("line one\nline two\r\n\tindented — Ωμέγα 🚨 \u00a0")).isEmpty();
    }

    @Test
    void nulOtherControlsAndHalfASurrogatePairAreRefusedNamingTheCharacterAndWhere() {
        assertThat(StoredText.refusal("ab\u0000c")).hasValueSatisfying(r -> assertThat(r)
                .startsWith("holds the control character U+0000 at position 2;"));
        assertThat(StoredText.refusal("\u001b[31m")).get().asString().contains("U+001B at position 0");
        assertThat(StoredText.refusal("x\u007f")).get().asString().contains("U+007F");
        assertThat(StoredText.refusal("x\u0085")).get().asString().contains("U+0085");
        assertThat(StoredText.refusal("x\ud800y")).get().asString().contains("half a surrogate pair U+D800 at position 1");
        assertThat(StoredText.refusal("x\udc00")).get().asString().contains("U+DC00");
        assertThat(StoredText.refusal("tail \ud83d")).get().asString().contains("U+D83D at position 5");
    }

    @Test
    void cleaningReplacesEachRefusedCharacterAndKeepsACleanTextAsItIs() {
        String clean = "fine \ud83d\udea8 text\n";
        assertThat(StoredText.clean(clean)).isSameAs(clean);
        assertThat(StoredText.clean("a\u0000b\ud800c\ud83d\udea8\u0007")).isEqualTo("a\ufffdb\ufffdc\ud83d\udea8\ufffd");
    }

    @Test
    void abbreviatingNeverCutsASurrogatePairInTwo() {
        assertThat(StoredText.abbreviate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(StoredText.abbreviate("abcdefg", 6)).isEqualTo("abcde…");
        String cut = StoredText.abbreviate("abcd\ud83d\udea8xyz", 6);
        assertThat(cut).isEqualTo("abcd…");
        assertThat(StoredText.refusal(cut)).isEmpty();
    }
}
