-- Each channel records when it delivered a message, so a repeated dispatch job never sends twice
-- on the same channel. sent_at keeps its meaning: every enabled channel is done.
alter table notification_outbox add column mail_sent_at timestamp(6) with time zone;
alter table notification_outbox add column webhook_sent_at timestamp(6) with time zone;
