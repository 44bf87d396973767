// Package batch issues credentials from cohort spreadsheets in the
// background.
//
// # Flow
//
// [Service.Submit] reads an upload with the sheet package, validates every
// row against the program (sheet's checks, then the issuer's through
// issuer.Plan) and stores the batch with all its rows in one transaction:
// rows with problems as failed (with the row number, the column as the
// registrar named it and a message in the request's language), the others
// as pending with their issuance request. Nothing is issued yet; the upload
// answers at once. A dry run stores the verdicts only (rows that would be
// issued, rows already issued, rows with problems) and issues nothing.
//
// [Service.Run] runs workers that claim batches from the store and issue
// their pending rows in steps of Config.Step rows. Each step is one
// transaction (store.ProcessBatchStep): it checks the worker still holds
// the batch's lease, issues the step's awards (numbers, signatures,
// registry rows, audit), marks each row issued, already issued or failed,
// and adds to the batch's counters. A worker killed mid-step leaves nothing
// of that step behind; its rows stay pending.
//
// # Claiming, leases and resuming
//
// A worker claims the oldest batch that is queued, or running with an
// expired lease, and holds it with a lease (Config.Lease) that a heartbeat
// renews every third of it. On PostgreSQL the claim skips rows other
// transactions hold (FOR UPDATE SKIP LOCKED), so several instances sharing
// a database never claim the same batch; the step transaction re-checks the
// lease, so a worker that lost its lease (paused too long) stores nothing.
// When an instance dies (kill -9), its batches' leases run out and any
// instance (the restarted one too) claims them and continues with the rows
// still pending. The embedded SQLite store serializes writers and is meant
// for one instance.
//
// # Idempotency
//
// An award is one holder (student id), program and study period
// (issuer.AwardKey). The registry stores each award key once: a step locks
// the certificate counter, so concurrent steps serialize, and finds the
// awards already stored before allocating numbers. A row whose award was
// issued before (by an earlier upload, the same cohort in another format,
// a concurrent upload of the same file, or a single issuance) is reported
// as already issued, pointing at the existing credential.
//
// # Results
//
// [Service.WriteErrorsCSV] gives back the rejected rows with their original
// columns and an errors column, ready to fix and re-upload;
// [Service.WriteResultsCSV] lists the credentials; [Service.WriteZIP]
// streams the PDFs and badges, rendering them in parallel and writing them
// one by one.
//
// # Retention
//
// A processed row keeps its cells only if it failed, for errors.csv; those
// cells hold IINs, e-mails and names in clear. Config.CellsRetention (30
// days by default) after a batch finished, the workers purge them
// ([Service.PurgeCells], store.Store.PurgeBatchCells): every row's cells
// and request are cleared in one transaction per batch, the batch is
// stamped (CellsPurgedAt) and the purge is audited. Rows keep their
// numbers, states, problems and credentials, so errors.csv still lists
// each rejected row with its problems, its cells empty. Each instance's
// workers run the purge at most every PurgeInterval; on PostgreSQL two
// instances never purge the same batch (FOR UPDATE SKIP LOCKED).
package batch
