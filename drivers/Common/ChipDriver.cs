using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// What every chip driver shares: its registers (cache in front of the bus), a sequence
    /// runner for the steps that take time, a status that turns a bus failure into
    /// <see cref="DriverStatus.BusFault"/>, and a log.
    /// </summary>
    /// <remarks>
    /// After a bus failure (a write still failing after <see cref="RegisterPort.Attempts"/>
    /// tries) the driver stops writing: later changes are kept in the cache, and the driver's
    /// re-sync (once the chip answers again) writes them. Retries are bounded; nothing throws.
    /// </remarks>
    public abstract class ChipDriver : ISequenceTarget
    {
        private readonly ILog _log;
        private readonly string _logSource;

        /// <param name="log">Where failures and state changes are reported (may be null).</param>
        protected ChipDriver(RegisterBank registers, ILog log, string logSource)
        {
            Registers = registers;
            Runner = new SequenceRunner();
            _log = log;
            _logSource = logSource;
        }

        public abstract string Name { get; }

        /// <summary>Ok, or <see cref="DriverStatus.BusFault"/> until the driver is started or re-synced again.</summary>
        public DriverStatus Status { get; private set; }

        /// <summary>Failed I2C transactions since the driver was made (each retry counts).</summary>
        public int FailedTransactions
        {
            get { return Registers.Port.FailedTransactions; }
        }

        /// <summary>The driver's copy of a register (what the chip holds, or is about to).</summary>
        public int CachedRegister(int register)
        {
            return Registers.Get(register);
        }

        /// <summary>The chip's registers: cache in front of the bus.</summary>
        protected readonly RegisterBank Registers; // a field, as Runner: on every write path

        /// <summary>Runs the driver's sequences over ticks.</summary>
        protected readonly SequenceRunner Runner; // a field: the control loop asks it every tick (a property is a call on the device)

        // ---- ISequenceTarget -----------------------------------------------------------------------

        public bool UpdateRegister(int register, int mask, int value)
        {
            return Status == DriverStatus.Ok && Registers.Update(register, mask, value);
        }

        public abstract StepResult Perform(int action, long nowMs);

        // ---- for drivers ---------------------------------------------------------------------------

        /// <summary>Writes one register through the cache; a bus failure becomes the driver's status.</summary>
        protected void Write(int register, int value)
        {
            if (Status != DriverStatus.Ok)
            {
                Registers.Cache.Set(register, value); // faulted: kept for the re-sync
            }
            else if (!Registers.Write(register, value))
            {
                Fail("stopped answering (register 0x" + register.ToString("X2") + ")");
            }
        }

        /// <summary>Updates bits of one register through the cache; a bus failure becomes the driver's status.</summary>
        protected void Update(int register, int mask, int bits)
        {
            Write(register, (Registers.Get(register) & ~mask) | (bits & mask));
        }

        /// <summary>Sets a left/right pair through the cache (see <see cref="RegisterBank.WritePair"/>).</summary>
        protected void WritePair(int left, int right, int leftValue, int rightValue, int latchBit)
        {
            if (Status != DriverStatus.Ok)
            {
                Registers.Cache.Set(left, leftValue | (Registers.Get(left) & latchBit));
                Registers.Cache.Set(right, rightValue | latchBit);
                return;
            }

            if (!Registers.WritePair(left, right, leftValue, rightValue, latchBit))
            {
                Fail("stopped answering (registers 0x" + left.ToString("X2") + "/0x" + right.ToString("X2") + ")");
            }
        }

        /// <summary>Writes one register if it is dirty (after a cache-only change); a failure becomes the status.</summary>
        protected bool Sync(int register)
        {
            if (Status != DriverStatus.Ok)
            {
                return false;
            }

            if (!Registers.Sync(register))
            {
                Fail("stopped answering (register 0x" + register.ToString("X2") + ")");
                return false;
            }

            return true;
        }

        /// <summary>
        /// Runs the current sequence for one tick. True when it has just finished; false while it
        /// waits (a settle time, a ramp, the writes-per-tick budget) or when a step failed, which
        /// becomes the driver's status.
        /// </summary>
        protected bool RunSequence(long nowMs)
        {
            if (!Runner.Tick(nowMs, this))
            {
                return false;
            }

            if (Runner.Failed)
            {
                if (Status == DriverStatus.Ok)
                {
                    Fail("stopped answering during a sequence (step " + Runner.Position.ToString() + ")");
                }

                return false;
            }

            return true;
        }

        /// <summary>A sequence action: writes up to <see cref="SequenceRunner.WritesPerTick"/> dirty registers, Again until none is left.</summary>
        protected StepResult FlushSome()
        {
            int left = Registers.Flush(SequenceRunner.WritesPerTick);
            return left < 0 ? StepResult.Failed : (left == 0 ? StepResult.Done : StepResult.Again);
        }

        /// <summary>The result of an action that wrote registers: Failed if a write failed.</summary>
        protected StepResult Outcome()
        {
            return Status == DriverStatus.Ok ? StepResult.Done : StepResult.Failed;
        }

        /// <summary>Records a failure: the driver stops writing until it is started or re-synced.</summary>
        protected DriverStatus Fail(string what)
        {
            Status = DriverStatus.BusFault;
            Runner.Stop();
            OnFault();
            Report(LogLevel.Error, what + " after " + RegisterPort.Attempts.ToString() + " attempts: writes stop until it is re-synced");
            return Status;
        }

        /// <summary>Clears a fault (the driver is starting over or re-syncing).</summary>
        protected void ClearFault()
        {
            Status = DriverStatus.Ok;
        }

        /// <summary>A failure stopped the driver: drop any state about the sequence that was running.</summary>
        protected virtual void OnFault()
        {
        }

        /// <summary>True when there is a log: callers skip building a message nobody reads.</summary>
        protected bool Logging
        {
            get { return _log != null; }
        }

        protected void Report(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, _logSource, Name + " " + message);
            }
        }
    }
}
