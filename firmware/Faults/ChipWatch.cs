namespace InterfaceFirmware.Firmware.Faults
{
    /// <summary>
    /// One chip's fault bookkeeping: when it failed, when to try again (back-off doubling from
    /// <see cref="FirstRetryMs"/> to <see cref="LongestRetryMs"/>), and whether the failure has been
    /// logged, so a chip that stays away costs one log line and a bounded, falling amount of bus
    /// traffic.
    /// </summary>
    public sealed class ChipWatch
    {
        public const int FirstRetryMs = 250;
        public const int LongestRetryMs = 8000;

        private long _nextRetryMs = -1;
        private int _backoffMs = FirstRetryMs;

        /// <summary>The chip is failed and not yet recovered.</summary>
        public bool Failed { get; private set; }

        /// <summary>When it failed (ms), -1 while it works.</summary>
        public long FailedAtMs { get; private set; }

        /// <summary>Recovery attempts since it failed.</summary>
        public int Attempts { get; private set; }

        /// <summary>Failures since start-up.</summary>
        public int Failures { get; private set; }

        /// <summary>The time (ms) the last recovery took, -1 before any.</summary>
        public long LastRecoveryMs { get; private set; }

        public ChipWatch()
        {
            FailedAtMs = -1;
            LastRecoveryMs = -1;
        }

        /// <summary>Records a failure; true the first time (log it then).</summary>
        public bool Fail(long nowMs)
        {
            if (Failed)
            {
                return false;
            }

            Failed = true;
            Failures++;
            FailedAtMs = nowMs;
            Attempts = 0;
            _backoffMs = FirstRetryMs;
            _nextRetryMs = nowMs + _backoffMs;
            return true;
        }

        /// <summary>True when it is time for the next recovery attempt (and schedules the one after).</summary>
        public bool RetryDue(long nowMs)
        {
            if (!Failed || nowMs < _nextRetryMs)
            {
                return false;
            }

            Attempts++;
            _backoffMs = _backoffMs * 2 > LongestRetryMs ? LongestRetryMs : _backoffMs * 2;
            _nextRetryMs = nowMs + _backoffMs;
            return true;
        }

        /// <summary>The chip works again; returns how long it was away (ms).</summary>
        public long Recovered(long nowMs)
        {
            Failed = false;
            LastRecoveryMs = nowMs - FailedAtMs;
            FailedAtMs = -1;
            return LastRecoveryMs;
        }
    }
}
