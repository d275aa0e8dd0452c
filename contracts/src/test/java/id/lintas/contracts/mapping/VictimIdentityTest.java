package id.lintas.contracts.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.spi.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class VictimIdentityTest {

    private static final VictimIdentity.Names NAMES = new VictimIdentity.Names(
            "nama", "nik", "jenis_kelamin", "jenis_kelamin", "tgl_lahir", "usia", "expected a NIK");

    /** A record as a map of texts; codes are taken as the hub's gender codes. */
    private static final class MapReading implements RecordReading<Map<String, String>> {
        final List<FieldError> errors = new ArrayList<>();

        @Override
        public boolean hasField(Map<String, String> record, String name) {
            return record.containsKey(name);
        }

        @Override
        public String text(Map<String, String> record, String at, String name, Need need) {
            String text = record.get(name);
            if (text == null && need == Need.REQUIRED) {
                error(fieldPath(at, name), FieldReading.REQUIRED_REASON);
            }
            return text;
        }

        @Override
        public Coding code(Map<String, String> record, String at, String name, String list, Need need) {
            String code = text(record, at, name, need);
            return code == null ? null : new Coding("gender", code, null);
        }

        @Override
        public LocalDate date(Map<String, String> record, String at, String name, Need need) {
            String text = text(record, at, name, need);
            return text == null ? null : LocalDate.parse(text);
        }

        @Override
        public Integer integer(Map<String, String> record, String at, String name, Need need, int min, int max) {
            String text = text(record, at, name, need);
            return text == null ? null : Integer.valueOf(text);
        }

        @Override
        public String fieldPath(String at, String name) {
            return at + "." + name;
        }

        @Override
        public void error(String field, String reason) {
            errors.add(new FieldError(field, reason));
        }
    }

    @Test
    void keepsTheBirthDateAndLeavesOutAnAgeSentBesideIt() {
        MapReading in = new MapReading();

        VictimIdentity identity = VictimIdentity.read(
                in,
                Map.of(
                        "nama", "Wulan Fiktif",
                        "nik", "6409014107980001",
                        "jenis_kelamin", "female",
                        "tgl_lahir", "1998-07-01",
                        "usia", "26"),
                "korban[0]",
                NAMES);

        assertThat(in.errors).isEmpty();
        assertThat(identity)
                .isEqualTo(new VictimIdentity(
                        "6409014107980001",
                        "Wulan Fiktif",
                        Gender.FEMALE,
                        PartialDateTime.of(LocalDate.of(1998, 7, 1)),
                        null));
    }

    @Test
    void namesTheRegionsFieldsWhenTheNikIsWrongAndNeitherBirthDateNorAgeIsSent() {
        MapReading in = new MapReading();

        VictimIdentity identity = VictimIdentity.read(
                in, Map.of("nama", "Wulan Fiktif", "nik", "12", "jenis_kelamin", "female"), "korban[0]", NAMES);

        assertThat(identity.nik()).isNull();
        assertThat(in.errors)
                .containsExactly(
                        new FieldError("korban[0].nik", "expected a NIK"),
                        new FieldError("korban[0].tgl_lahir", "required (or usia when the birth date is unknown)"));
    }

    @Test
    void takesTheAgeWhenTheBirthDateIsUnknown() {
        VictimIdentity identity = VictimIdentity.read(
                new MapReading(), Map.of("nama", "Wulan Fiktif", "jenis_kelamin", "female", "usia", "26"), "k", NAMES);

        assertThat(identity.age()).isEqualTo(26);
        assertThat(identity.birthDate()).isNull();
    }
}
