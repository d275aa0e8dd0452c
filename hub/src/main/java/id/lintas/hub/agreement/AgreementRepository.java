package id.lintas.hub.agreement;

import id.lintas.hub.platform.AppendOnlyLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agreement versions, their signatures and trail, in PostgreSQL (participants' keys are security's). */
@Repository
class AgreementRepository {

    private static final String COLUMNS =
            "agreement_id, version, document, document_sha256, status, valid_from, valid_until,"
                    + " terminated_from, status_reason, created_at, created_by, activated_at";

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VersionRow(
            String agreementId,
            int version,
            String document,
            String documentSha256,
            AgreementStatus status,
            LocalDate validFrom,
            LocalDate validUntil,
            LocalDate terminatedFrom,
            String statusReason,
            Instant createdAt,
            String createdBy,
            Instant activatedAt) {}

    record SignatureRow(String participantId, String kid, String jws, Instant signedAt) {}

    record EventRow(long id, Instant at, int version, String type, String actor, String detail) {}

    void insertVersion(AgreementDocument document, String canonical, String sha256, String actor) {
        jdbc.sql("insert into agreement_version (agreement_id, version, document, document_sha256, status, valid_from,"
                        + " valid_until, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        document.version(),
                        canonical,
                        sha256,
                        AgreementStatus.DRAFT.name(),
                        document.validFrom(),
                        document.validUntil(),
                        actor)
                .update();
    }

    Optional<VersionRow> version(String id, int version, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from agreement_version where agreement_id = ? and version = ?"
                        + (forUpdate ? " for update" : ""))
                .params(id, version)
                .query(AgreementRepository::version)
                .optional();
    }

    List<VersionRow> versions(String id) {
        return jdbc.sql("select " + COLUMNS + " from agreement_version where agreement_id = ? order by version")
                .param(id)
                .query(AgreementRepository::version)
                .list();
    }

    /** The latest version of every agreement. */
    List<VersionRow> latest() {
        return jdbc.sql("select distinct on (agreement_id) " + COLUMNS
                        + " from agreement_version order by agreement_id, version desc")
                .query(AgreementRepository::version)
                .list();
    }

    /** The versions routing must know: active ones and those that ended (to say why they no longer route). */
    List<VersionRow> routable() {
        return jdbc.sql("select " + COLUMNS
                        + " from agreement_version where status in ('ACTIVE', 'SUSPENDED', 'TERMINATED')"
                        + " or (status = 'DRAFT' and version = 1) order by agreement_id, version")
                .query(AgreementRepository::version)
                .list();
    }

    void setStatus(String id, int version, AgreementStatus status, String reason, LocalDate terminatedFrom) {
        jdbc.sql("update agreement_version set status = ?, status_reason = ?, terminated_from = ?, updated_at = now(),"
                        + " activated_at = case when ? = 'ACTIVE' and activated_at is null then now() else activated_at end"
                        + " where agreement_id = ? and version = ?")
                .params(status.name(), reason, terminatedFrom, status.name(), id, version)
                .update();
    }

    void insertSignature(String id, int version, String participant, String kid, String jws) {
        jdbc.sql(
                        "insert into agreement_signature (agreement_id, version, participant_id, kid, jws) values (?, ?, ?, ?, ?)")
                .params(id, version, participant, kid, jws)
                .update();
    }

    List<SignatureRow> signatures(String id, int version) {
        return jdbc.sql("select participant_id, kid, jws, signed_at from agreement_signature"
                        + " where agreement_id = ? and version = ? order by signed_at")
                .params(id, version)
                .query((rs, n) -> new SignatureRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    void addEvent(String id, int version, String type, String actor, String detail) {
        jdbc.sql("insert into agreement_event (agreement_id, version, type, actor, detail) values (?, ?, ?, ?, ?)")
                .params(id, version, type, actor, detail)
                .update();
    }

    List<EventRow> events(String id) {
        return jdbc.sql(
                        "select id, at, version, type, actor, detail from agreement_event where agreement_id = ? order by id")
                .param(id)
                .query((rs, n) -> new EventRow(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private static VersionRow version(ResultSet rs, int n) throws SQLException {
        return new VersionRow(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                AgreementStatus.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
    }

    /** This table only grows: its size is a metric ({@code lintas.log.*}). */
    @Bean
    static AppendOnlyLog agreementEventLog() {
        return new AppendOnlyLog("agreement-events", "agreement_event");
    }
}
