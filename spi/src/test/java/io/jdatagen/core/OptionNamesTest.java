package io.jdatagen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule for string options: case and surrounding blanks ignored, "did you mean" for close spellings. */
class OptionNamesTest {
    private static final List<String> MODES = List.of("categorical", "binary", "sparse", "input", "raw");

    @Test
    void caseAndSurroundingBlanksAreIgnored() {
        assertEquals(Optional.of("binary"), OptionNames.find("Binary", MODES, s -> s));
        assertEquals(Optional.of("sparse"), OptionNames.find(" SPARSE\t", MODES, s -> s));
        assertEquals(Optional.empty(), OptionNames.find("spa rse", MODES, s -> s));
        assertEquals(Optional.empty(), OptionNames.find(null, MODES, s -> s));
    }

    @Test
    void anUnknownValueListsTheAllowedSpellingsWithAHintWhenOneIsClose() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> OptionNames.parse("classMode", "Binery", MODES, s -> s));
        assertEquals("unknown classMode 'Binery'; did you mean 'binary'? Allowed: categorical, binary, sparse, input,"
                + " raw", typo.getMessage());
        assertEquals("unknown classMode 'pink'; Allowed: categorical, binary, sparse, input, raw",
                OptionNames.unknown("classMode", "pink", MODES).getMessage());
        assertEquals("unknown classMode null; Allowed: categorical, binary, sparse, input, raw",
                OptionNames.unknown("classMode", null, MODES).getMessage());
    }

    @Test
    void closeMeansAPrefixATypoOrATransposition() {
        assertEquals(Optional.of("categorical"), OptionNames.closest("cat", MODES), "a prefix of one spelling");
        assertEquals(Optional.of("channels_last"), OptionNames.closest("channel_last",
                List.of("channels_last", "channels_first")), "a missing letter");
        assertEquals(Optional.of("sparse"), OptionNames.closest("sprase", MODES), "two letters swapped");
        assertEquals(Optional.empty(), OptionNames.closest("cmyk", List.of("rgb", "rgba", "grayscale")));
        assertEquals(Optional.empty(), OptionNames.closest("r", List.of("rgb", "rgba")), "one letter is no prefix");
        assertEquals(" Did you mean 'nearest'?", OptionNames.hint("neerest", List.of("constant", "nearest")));
        assertEquals("", OptionNames.hint("edge", List.of("constant", "nearest")));
    }

    @Test
    void theSpiEnumsFollowTheRule() {
        assertEquals(DataFormat.CHANNELS_FIRST, DataFormat.fromKerasName("Channels_First"));
        assertEquals(FillMode.GRID_WRAP, FillMode.fromKerasName("GRID-WRAP"));
        assertEquals(ElementType.FLOAT16, ElementType.parse(" Float16 "));
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> DataFormat.fromKerasName("channel_first"));
        assertEquals("unknown dataFormat 'channel_first'; did you mean 'channels_first'? Allowed: channels_last,"
                + " channels_first", format.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> ElementType.parse("int16"));
        assertEquals("unknown output 'int16'; Allowed: float32, float16, uint8",
                output.getMessage());
    }
}
