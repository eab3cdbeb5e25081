package de.umsetzungsmonitor.talks.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkParticipant;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A protocol is in force only when every participant signed the same version. */
class ProtocolTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private final Talk talk = new Talk(new Measure(new Programme("SL2015", NOW), "M 12"), "abecker", NOW);
  private final TalkParticipant anna = participant("abecker", 1L);
  private final TalkParticipant julia = participant("jmueller", 2L);
  private final Protocol protocol = new Protocol(talk);

  @Test
  void signedByAll_onlyWhenEveryParticipantSignedTheCurrentVersion() {
    ProtocolVersion first = protocol.newVersion("Fassung 1", null, "abecker", NOW);
    first.sign(anna, "abecker", NOW);
    assertThat(protocol.isSignedByAll()).isFalse();
    first.sign(julia, "jmueller", NOW);
    assertThat(protocol.isSignedByAll()).isTrue();
  }

  @Test
  void newVersion_invalidatesEarlierSignatures_butKeepsThemRecorded() {
    ProtocolVersion first = protocol.newVersion("Fassung 1", null, "abecker", NOW);
    first.sign(anna, "abecker", NOW);
    first.requestChange(julia, "jmueller", "Bitte Termin ergänzen", NOW);

    ProtocolVersion second = protocol.newVersion("Fassung 2", null, "abecker", NOW);
    second.sign(julia, "jmueller", NOW);

    assertThat(protocol.currentVersion().getVersionNo()).isEqualTo(2);
    assertThat(protocol.isSignedByAll()).isFalse();
    assertThat(first.getSignatures()).extracting(Signature::getSignedBy).containsExactly("abecker");
    assertThat(first.getChangeRequests()).extracting(ChangeRequest::getText).containsExactly("Bitte Termin ergänzen");
    assertThat(protocol.getState()).isEqualTo(ProtocolState.IN_SIGNATURE);

    second.sign(anna, "abecker", NOW);
    assertThat(protocol.isSignedByAll()).isTrue();
  }

  private TalkParticipant participant(String userId, Long id) {
    TalkParticipant participant = talk.addParticipant(userId, userId, new Office("sozialplanung", "Fachstelle", null));
    try {
      Field field = TalkParticipant.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(participant, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return participant;
  }
}
