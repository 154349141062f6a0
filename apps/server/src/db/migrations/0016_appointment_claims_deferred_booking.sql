-- A booking claims its counter time before its row is written, so a racer who loses every counter
-- writes nothing at all; the claim's reference to its booking is checked at commit.
ALTER TABLE "appointment_counter_claims" ALTER CONSTRAINT "appointment_counter_claims_booking_id_appointment_bookings_id_fk" DEFERRABLE INITIALLY DEFERRED;
