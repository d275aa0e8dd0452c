package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Row row(String system, double delivered) {
        return new Row(
                system,
                "kukar-http",
                4,
                41.25,
                delivered,
                new long[] {51_000_000, 144_400_000, 181_000_000},
                new long[] {-3_200_000, Percentiles.NONE, 12_000_000},
                800,
                3,
                0,
                35.04,
                2.3,
                1.25,
                3.04,
                412,
                98,
                1024);
    }

    @Test
    void linesAreAlignedAndFiguresRounded() {
        String[] lines = Table.format(List.of(row("hub", 40.04), row("baseline", 1839.6)))
                .split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("system    entry point  c  acc/s");
        assertThat(lines[1].split(" +"))
                .containsExactly(
                        "hub",
                        "kukar-http",
                        "4",
                        "41.3",
                        "40.0",
                        "51.0/144/181",
                        "-3.2/-/12.0",
                        "800",
                        "3",
                        "0",
                        "35.0",
                        "2.3",
                        "1.3",
                        "3.0",
                        "412>98/1024");
        assertThat(lines[2]).contains(" 1840 ").endsWith("412>98/1024");
        assertThat(lines[1].indexOf("412>98/1024")).isEqualTo(lines[2].indexOf("412>98/1024"));
    }

    @Test
    void aFigureThatCouldNotBeTakenIsADash() {
        assertThat(Table.number(-1)).isEqualTo("-");
        assertThat(Table.number(Double.NaN)).isEqualTo("-");
        assertThat(Table.number(99.94)).isEqualTo("99.9");
        assertThat(Table.number(250.4)).isEqualTo("250");
    }
}
