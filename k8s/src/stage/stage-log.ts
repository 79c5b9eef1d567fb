/**
 * Where the staging CLI writes, one line at a time: progress and results (`info`, stdout), things
 * that need attention but do not stop it (`warn`) and why it stopped (`error`) (both stderr).
 */
export interface StageLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}
