-- A protocol version may consist of (or come with) an uploaded file, kept as a Camunda attachment.
alter table protocol_version add column attachment_id varchar(64);
