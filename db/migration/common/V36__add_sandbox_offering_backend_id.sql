-- The sandbox keeps the offering's backend_id (the SLURM cluster name) as Waldur does.
alter table sandbox_offering add column backend_id varchar(255) default '' not null;
