using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>
    /// What every codec driver shares: the power-state machine (one pop-free sequence per step
    /// between Off, Standby and On, run over ticks), the clock sequence, the DAC soft-mute wish and
    /// its timing, bus-fault handling, and the re-sync after the chip lost its registers. A chip
    /// driver supplies its register tables, its sequences (as data) and the few actions that need
    /// code.
    /// </summary>
    /// <remarks>
    /// After a bus failure (a write still failing after <see cref="RegisterPort.Attempts"/>
    /// tries) the driver stops writing: <see cref="Status"/> is <see cref="DriverStatus.BusFault"/>,
    /// later changes are kept in the cache, and <see cref="Resync"/> (once the chip answers again)
    /// writes them all. Retries are bounded; nothing throws.
    /// </remarks>
    public abstract class CodecDriver : IAudioCodec, ISequenceTarget
    {
        private const string LogSource = "codec";

        /// <summary>What the running sequence is for.</summary>
        private enum Activity
        {
            None = 0,
            Transition = 1,
            Clocks = 2,
            Flush = 3,
            Mute = 4,
            Unmute = 5,
        }

        private static readonly SequenceStep[] FlushSequence = { SequenceStep.Do(CodecActions.Flush) };

        private readonly SequenceRunner _runner = new SequenceRunner();
        private readonly ILog _log;
        private CodecPowerState _state = CodecPowerState.Off;
        private CodecPowerState _goal = CodecPowerState.Off;
        private CodecPowerState _transitionTo = CodecPowerState.Off;
        private Activity _activity = Activity.None;
        private bool _clockSequencePending;
        private bool _started;
        private bool _wantMuted = true;
        private bool _chipMuted = true;
        private long _muteChangedMs;
        private long _biasOffMs = long.MinValue / 2;
        private DriverStatus _status = DriverStatus.Ok;

        /// <param name="log">Where failures and state changes are reported (may be null).</param>
        protected CodecDriver(RegisterBank registers, ILog log)
        {
            Registers = registers;
            _log = log;
        }

        /// <summary>The chip's registers: cache in front of the bus.</summary>
        protected RegisterBank Registers { get; }

        public abstract string Name { get; }

        public abstract CodecCapabilities Capabilities { get; }

        public CodecPowerState PowerState
        {
            get { return _state; }
        }

        public CodecPowerState TargetPowerState
        {
            get { return _goal; }
        }

        public bool Busy
        {
            get { return _runner.Running || _clockSequencePending || (_status == DriverStatus.Ok && _state != _goal); }
        }

        public DriverStatus Status
        {
            get { return _status; }
        }

        /// <summary>The caller's wish: true until <see cref="SetMuted"/>(false); the chip stays muted until On.</summary>
        public bool Muted
        {
            get { return _wantMuted; }
        }

        /// <summary>Failed I2C transactions since the driver was made (each retry counts).</summary>
        public int FailedTransactions
        {
            get { return Registers.Port.FailedTransactions; }
        }

        // ---- what a chip driver supplies -----------------------------------------------------------

        /// <summary>The pop-free sequence for one step between adjacent power states.</summary>
        protected abstract SequenceStep[] TransitionSequence(CodecPowerState from, CodecPowerState to);

        /// <summary>
        /// Silences the outputs softly while On (the DAC's soft mute, and whatever else carries
        /// sound to the outputs, such as an open monitor path).
        /// </summary>
        protected abstract SequenceStep[] MuteSequence { get; }

        /// <summary>Brings the outputs back softly while On: the reverse of <see cref="MuteSequence"/>, the DAC un-muted last.</summary>
        protected abstract SequenceStep[] UnmuteSequence { get; }

        /// <summary>The sequence that sets up the configured clocks (null until <see cref="ConfigureClocks"/>).</summary>
        protected abstract SequenceStep[] ClockSequence { get; }

        /// <summary>Puts the driver's defaults into the cache (zero-cross, ramps, safe volumes), on a chip at reset.</summary>
        protected abstract void LoadDefaults();

        /// <summary>Sets the DAC soft-mute bit in the cache only.</summary>
        protected abstract void SetDacMuteInCache(bool muted);

        /// <summary>The register that holds the DAC soft-mute bit.</summary>
        protected abstract int DacMuteRegister { get; }

        /// <summary>How long the DAC's soft-mute ramp takes at the configured rate, with margin.</summary>
        protected abstract int MuteRampMs { get; }

        /// <summary>How long the outputs need to discharge after the bias went off, before it may come up again.</summary>
        protected abstract int DischargeMs { get; }

        /// <summary>Registers the sequences bring up again after a reset (power, clock selection) rather than a flush.</summary>
        protected abstract int[] SequencedRegisters { get; }

        /// <summary>Puts the chip to its reset state by command (the caller then treats the cache as reset).</summary>
        protected abstract bool ResetChip();

        /// <summary>The chip is back at its reset values (before the re-sync): forget chip state kept outside the cache.</summary>
        protected virtual void OnChipReset()
        {
        }

        /// <summary>Runs a chip action of a sequence.</summary>
        protected abstract StepResult PerformChipAction(int action, long nowMs);

        // ---- IAudioCodec ---------------------------------------------------------------------------

        public DriverStatus Start(long nowMs)
        {
            _runner.Stop();
            _activity = Activity.None;
            _clockSequencePending = false;
            Registers.Cache.RestoreResetValues();
            Registers.CacheOnly = false;
            _state = CodecPowerState.Off;
            _goal = CodecPowerState.Off;
            _wantMuted = true;
            _chipMuted = true;
            _muteChangedMs = nowMs - MuteRampMs; // unpowered: as silent as a finished ramp
            _biasOffMs = nowMs - DischargeMs; // out of power-on the outputs are discharged
            _status = DriverStatus.Ok;
            _started = true;
            LoadDefaults();
            if (Registers.Flush(int.MaxValue) != 0)
            {
                return Fail("does not answer while loading its defaults");
            }

            Report(LogLevel.Info, "started");
            return DriverStatus.Ok;
        }

        public DriverStatus RequestPowerState(CodecPowerState target, long nowMs)
        {
            if (!_started)
            {
                return DriverStatus.InvalidState;
            }

            if (_status != DriverStatus.Ok)
            {
                return _status;
            }

            _goal = target;
            Advance(nowMs);
            return _status;
        }

        public void Tick(long nowMs)
        {
            if (_started && _status == DriverStatus.Ok)
            {
                Advance(nowMs);
            }
        }

        public DriverStatus ConfigureClocks(int sampleRate, int mclkHz)
        {
            DriverStatus allowed = CheckNotLive();
            if (allowed != DriverStatus.Ok)
            {
                return allowed;
            }

            DriverStatus planned = PlanClocks(sampleRate, mclkHz);
            if (planned != DriverStatus.Ok)
            {
                Report(LogLevel.Warning, "cannot clock " + sampleRate.ToString() + " Hz from MCLK " + mclkHz.ToString() + " Hz");
                return planned;
            }

            _runner.Start(ClockSequence); // runs from the next Tick
            _activity = Activity.Clocks;
            return _status;
        }

        public DriverStatus SetFormat(int wordLength, InterfaceFormat format)
        {
            DriverStatus allowed = CheckNotLive();
            if (allowed != DriverStatus.Ok)
            {
                return allowed;
            }

            DriverStatus result = ApplyFormat(wordLength, format);
            return result == DriverStatus.Ok ? _status : result;
        }

        public abstract DriverStatus SelectInputs(InputSource left, InputSource right);

        public abstract StereoGain SetInputGain(StereoGain requested);

        public abstract StereoGain SetAdcVolume(StereoGain requested);

        public abstract StereoGain SetDacVolume(StereoGain requested);

        public abstract StereoGain SetHeadphoneVolume(StereoGain requested);

        public abstract MonitorGains SetMonitor(MonitorGains requested);

        /// <summary>
        /// Records the wish. While the codec is On the outputs go there softly now (the chip's
        /// <see cref="MuteSequence"/> or <see cref="UnmuteSequence"/>, over ticks); otherwise they
        /// stay silent and reaching On un-mutes them if that is still the wish.
        /// </summary>
        public DriverStatus SetMuted(bool muted, long nowMs)
        {
            bool changed = muted != _wantMuted;
            _wantMuted = muted;
            if (!_started || _status != DriverStatus.Ok)
            {
                return _status;
            }

            bool idleOrMuting = !_runner.Running || _activity == Activity.Mute || _activity == Activity.Unmute;
            if (changed && _state == CodecPowerState.On && _goal == CodecPowerState.On && idleOrMuting)
            {
                StartMuteChange(nowMs);
            }

            return _status;
        }

        /// <summary>The outputs have reached the wished state: the DAC ramp has run and no mute or un-mute sequence is still stepping.</summary>
        public bool MuteSettled(long nowMs)
        {
            bool stepping = _runner.Running && (_activity == Activity.Mute || _activity == Activity.Unmute);
            return !stepping && _chipMuted == _wantMuted && nowMs - _muteChangedMs >= MuteRampMs;
        }

        public DriverStatus Resync(long nowMs, bool resetChip)
        {
            if (!_started)
            {
                return DriverStatus.InvalidState;
            }

            CodecPowerState heading = _goal;
            _runner.Stop();
            _activity = Activity.None;
            _status = DriverStatus.Ok;
            Registers.CacheOnly = false;
            if (resetChip && !ResetChip())
            {
                return Fail("does not answer to its reset");
            }

            // The chip holds its reset values: everything the driver set is dirty again, except
            // what the sequences bring up in their pop-free order; the DAC comes back muted.
            SetDacMuteInCache(true);
            _chipMuted = true;
            _muteChangedMs = nowMs;
            Registers.Cache.ChipWasReset();
            int[] sequenced = SequencedRegisters;
            for (int i = 0; i < sequenced.Length; i++)
            {
                Registers.Cache.RestoreResetValue(sequenced[i]);
            }

            OnChipReset();
            _state = CodecPowerState.Off;
            _goal = heading;
            _biasOffMs = nowMs; // the outputs just collapsed: let them settle before the bias returns
            _clockSequencePending = ClockSequence != null;
            _runner.Start(FlushSequence);
            _activity = Activity.Flush;
            Report(LogLevel.Warning, "lost its registers: re-syncing");
            Advance(nowMs);
            return _status;
        }

        public abstract DriverStatus ProbeForReset(out bool wasReset);

        // ---- ISequenceTarget -----------------------------------------------------------------------

        public bool UpdateRegister(int register, int mask, int value)
        {
            return _status == DriverStatus.Ok && Registers.Update(register, mask, value);
        }

        public StepResult Perform(int action, long nowMs)
        {
            switch (action)
            {
                case CodecActions.MuteDac:
                    return WriteDacMute(true, nowMs) ? StepResult.Done : StepResult.Failed;
                case CodecActions.WaitMuteRamp:
                    return nowMs - _muteChangedMs >= MuteRampMs ? StepResult.Done : StepResult.Again;
                case CodecActions.UnmuteDac:
                    return WriteDacMute(false, nowMs) ? StepResult.Done : StepResult.Failed;
                case CodecActions.WaitDischarge:
                    return nowMs - _biasOffMs >= DischargeMs ? StepResult.Done : StepResult.Again;
                case CodecActions.BiasOff:
                    _biasOffMs = nowMs;
                    return StepResult.Done;
                case CodecActions.Flush:
                    int left = Registers.Flush(SequenceRunner.WritesPerTick);
                    return left < 0 ? StepResult.Failed : (left == 0 ? StepResult.Done : StepResult.Again);
                default:
                    return PerformChipAction(action, nowMs);
            }
        }

        // ---- for chip drivers ----------------------------------------------------------------------

        /// <summary>Works out the clock registers for a rate and MCLK, ready for <see cref="ClockSequence"/>.</summary>
        protected abstract DriverStatus PlanClocks(int sampleRate, int mclkHz);

        /// <summary>Sets the I2S word length and framing (outputs are not live).</summary>
        protected abstract DriverStatus ApplyFormat(int wordLength, InterfaceFormat format);

        /// <summary>Writes one register through the cache; a bus failure becomes the driver's status.</summary>
        protected void Write(int register, int value)
        {
            if (_status == DriverStatus.Ok && !Registers.Write(register, value))
            {
                Fail("stopped answering (register 0x" + register.ToString("X2") + ")");
            }
            else if (_status != DriverStatus.Ok)
            {
                Registers.Cache.Set(register, value);
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
            if (_status != DriverStatus.Ok)
            {
                Registers.Cache.Set(left, leftValue | ((Registers.Get(left) & latchBit)));
                Registers.Cache.Set(right, rightValue | latchBit);
                return;
            }

            if (!Registers.WritePair(left, right, leftValue, rightValue, latchBit))
            {
                Fail("stopped answering (registers 0x" + left.ToString("X2") + "/0x" + right.ToString("X2") + ")");
            }
        }

        /// <summary>The result of a chip action that wrote registers: Failed if a write failed.</summary>
        protected StepResult Outcome()
        {
            return _status == DriverStatus.Ok ? StepResult.Done : StepResult.Failed;
        }

        /// <summary>The DAC is soft-muted and its ramp has run: nothing from playback reaches the outputs.</summary>
        protected bool DacSilent(long nowMs)
        {
            return _chipMuted && nowMs - _muteChangedMs >= MuteRampMs;
        }

        /// <summary>Records a failure: the driver stops writing until <see cref="Resync"/> or <see cref="Start"/>.</summary>
        protected DriverStatus Fail(string what)
        {
            _status = DriverStatus.BusFault;
            _runner.Stop();
            _activity = Activity.None;
            _clockSequencePending = false;
            Report(LogLevel.Error, what + " after " + RegisterPort.Attempts.ToString() + " attempts: writes stop until it is re-synced");
            return _status;
        }

        protected void Report(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, LogSource, Name + " " + message);
            }
        }

        private bool WriteDacMute(bool muted, long nowMs)
        {
            if (muted != _chipMuted)
            {
                _muteChangedMs = nowMs;
            }

            _chipMuted = muted;
            SetDacMuteInCache(muted);
            if (_status != DriverStatus.Ok)
            {
                return false;
            }

            if (!Registers.Sync(DacMuteRegister))
            {
                Fail("stopped answering (soft mute)");
                return false;
            }

            return true;
        }

        private DriverStatus CheckNotLive()
        {
            if (!_started || Busy)
            {
                return DriverStatus.InvalidState;
            }

            if (_status != DriverStatus.Ok)
            {
                return _status;
            }

            // A clock or format change under live outputs is a click: only while the outputs are down.
            return _state == CodecPowerState.On ? DriverStatus.InvalidState : DriverStatus.Ok;
        }

        private void StartMuteChange(long nowMs)
        {
            _activity = _wantMuted ? Activity.Mute : Activity.Unmute;
            _runner.Start(_wantMuted ? MuteSequence : UnmuteSequence);
            Advance(nowMs);
        }

        // Runs the current sequence; when it ends, starts the next one: the clocks after a re-sync
        // flush, then one power step at a time towards the goal, then the un-mute if wished.
        private void Advance(long nowMs)
        {
            while (_status == DriverStatus.Ok)
            {
                if (_runner.Running)
                {
                    if (!_runner.Tick(nowMs, this))
                    {
                        return; // waiting: a settle time, a ramp, or the writes-per-tick budget
                    }

                    if (_runner.Failed)
                    {
                        if (_status == DriverStatus.Ok)
                        {
                            Fail("stopped answering during a sequence (step " + _runner.Position.ToString() + ")");
                        }

                        return;
                    }

                    if (_activity == Activity.Transition)
                    {
                        _state = _transitionTo;
                        Report(LogLevel.Debug, "is " + StateName(_state));
                    }

                    _activity = Activity.None;
                    continue;
                }

                if (_clockSequencePending)
                {
                    _clockSequencePending = false;
                    _activity = Activity.Clocks;
                    _runner.Start(ClockSequence);
                    continue;
                }

                if (_state == _goal)
                {
                    if (_state == CodecPowerState.On && !_wantMuted && _chipMuted)
                    {
                        _activity = Activity.Unmute; // reached On with the wish un-muted: open up softly
                        _runner.Start(UnmuteSequence);
                        continue;
                    }

                    return;
                }

                _transitionTo = _goal > _state ? (CodecPowerState)((int)_state + 1) : (CodecPowerState)((int)_state - 1);
                _activity = Activity.Transition;
                _runner.Start(TransitionSequence(_state, _transitionTo));
            }
        }

        private static string StateName(CodecPowerState state)
        {
            return state == CodecPowerState.On ? "on" : (state == CodecPowerState.Standby ? "in standby" : "off");
        }
    }
}
