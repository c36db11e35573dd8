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
    /// A bus failure stops the driver (<see cref="ChipDriver"/>); <see cref="Resync"/> brings it
    /// back once the chip answers again.
    /// </remarks>
    public abstract class CodecDriver : ChipDriver, IAudioCodec
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

        private CodecPowerState _state = CodecPowerState.Off;
        private CodecPowerState _goal = CodecPowerState.Off;
        private CodecPowerState _transitionTo = CodecPowerState.Off;
        private Activity _activity = Activity.None;
        private bool _clockSequencePending;
        private bool _started;
        private bool _wantMuted = true;
        private bool _chipMuted = true;

        // The headphone output level the caller asked for (codes), and whether the registers follow it.
        private int _outputLeft;
        private int _outputRight;
        private bool _outputsOpen;
        private long _nextOutputStepMs;
        private long _muteChangedMs;
        private long _biasOffMs = long.MinValue / 2;

        /// <param name="log">Where failures and state changes are reported (may be null).</param>
        protected CodecDriver(RegisterBank registers, ILog log)
            : base(registers, log, LogSource)
        {
        }

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
            get { return Runner.Running || _clockSequencePending || (Status == DriverStatus.Ok && _state != _goal); }
        }

        /// <summary>The caller's wish: true until <see cref="SetMuted"/>(false); the chip stays muted until On.</summary>
        public bool Muted
        {
            get { return _wantMuted; }
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

        /// <summary>The headphone output code that closes the outputs (mute, or the lowest level where there is no mute).</summary>
        protected abstract int ClosedOutputCode { get; }

        /// <summary>The headphone output code the cache holds for one side.</summary>
        protected abstract int OutputCode(bool left);

        /// <summary>Writes both sides' headphone output codes (the chip's pair discipline).</summary>
        protected abstract void WriteOutputLevel(int leftCode, int rightCode);

        /// <summary>One ramp step of the output level from <paramref name="current"/> towards <paramref name="target"/>.</summary>
        protected abstract int StepOutputLevel(int current, int target);

        /// <summary>The time between two ramp steps while a monitor path is open.</summary>
        protected abstract int OutputStepIntervalMs { get; }

        /// <summary>Some analogue monitor path is switched into an output mixer.</summary>
        protected abstract bool MonitorOpen { get; }

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
            Runner.Stop();
            _activity = Activity.None;
            _clockSequencePending = false;
            Registers.Cache.RestoreResetValues();
            Registers.CacheOnly = false;
            _state = CodecPowerState.Off;
            _goal = CodecPowerState.Off;
            _wantMuted = true;
            _chipMuted = true;
            _muteChangedMs = nowMs - MuteRampMs; // unpowered: as silent as a finished ramp
            _outputLeft = ClosedOutputCode;
            _outputRight = ClosedOutputCode;
            _outputsOpen = false;
            _biasOffMs = nowMs - DischargeMs; // out of power-on the outputs are discharged
            ClearFault();
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

            if (Status != DriverStatus.Ok)
            {
                return Status;
            }

            _goal = target;
            if (target != CodecPowerState.On && _activity == Activity.Unmute && Runner.Running)
            {
                // Going down while opening up: stop opening; the way down mutes from wherever it got to.
                Runner.Stop();
                _activity = Activity.None;
            }

            Advance(nowMs);
            return Status;
        }

        public void Tick(long nowMs)
        {
            if (_started && Status == DriverStatus.Ok)
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

            Runner.Start(ClockSequence); // runs from the next Tick
            _activity = Activity.Clocks;
            return Status;
        }

        public DriverStatus SetFormat(int wordLength, InterfaceFormat format)
        {
            DriverStatus allowed = CheckNotLive();
            if (allowed != DriverStatus.Ok)
            {
                return allowed;
            }

            DriverStatus result = ApplyFormat(wordLength, format);
            return result == DriverStatus.Ok ? Status : result;
        }

        public abstract DriverStatus SelectInputs(InputSource left, InputSource right);

        public abstract StereoGain SetInputGain(StereoGain requested);

        public abstract StereoGain SetAdcVolume(StereoGain requested);

        public abstract StereoGain SetDacVolume(StereoGain requested);

        /// <summary>
        /// Headphone output volume. While the outputs are open it goes to the chip now (at its next
        /// zero crossing where <see cref="CodecCapabilities.ZeroCrossVolume"/>, else at once: ramp it
        /// then); otherwise it is kept and the un-mute opens the outputs to it.
        /// </summary>
        public StereoGain SetHeadphoneVolume(StereoGain requested)
        {
            GainScale scale = Capabilities.HeadphoneVolume;
            _outputLeft = scale.CodeFor(requested.Left);
            _outputRight = scale.CodeFor(requested.Right);
            if (_outputsOpen)
            {
                WriteOutputLevel(_outputLeft, _outputRight);
            }

            return new StereoGain(scale.CentiDbFor(_outputLeft), scale.CentiDbFor(_outputRight));
        }

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
            if (!_started || Status != DriverStatus.Ok)
            {
                return Status;
            }

            bool idleOrMuting = !Runner.Running || _activity == Activity.Mute || _activity == Activity.Unmute;
            if (changed && _state == CodecPowerState.On && _goal == CodecPowerState.On && idleOrMuting)
            {
                StartMuteChange(nowMs);
            }

            return Status;
        }

        /// <summary>The outputs have reached the wished state: the DAC ramp has run and no mute or un-mute sequence is still stepping.</summary>
        public bool MuteSettled(long nowMs)
        {
            bool stepping = Runner.Running && (_activity == Activity.Mute || _activity == Activity.Unmute);
            return !stepping && _chipMuted == _wantMuted && nowMs - _muteChangedMs >= MuteRampMs;
        }

        public DriverStatus Resync(long nowMs, bool resetChip)
        {
            if (!_started)
            {
                return DriverStatus.InvalidState;
            }

            CodecPowerState heading = _goal;
            Runner.Stop();
            _activity = Activity.None;
            ClearFault();
            Registers.CacheOnly = false;
            if (resetChip && !ResetChip())
            {
                return Fail("does not answer to its reset");
            }

            // The chip holds its reset values: everything the driver set is dirty again, except
            // what the sequences bring up in their pop-free order; the DAC comes back muted.
            _chipMuted = true;
            SetDacMuteInCache(true);
            _muteChangedMs = nowMs;
            Registers.Cache.ChipWasReset();
            int[] sequenced = SequencedRegisters;
            for (int i = 0; i < sequenced.Length; i++)
            {
                Registers.Cache.RestoreResetValue(sequenced[i]);
            }

            _outputsOpen = false;
            OnChipReset();
            _state = CodecPowerState.Off;
            _goal = heading;
            _biasOffMs = nowMs; // the outputs just collapsed: let them settle before the bias returns
            _clockSequencePending = ClockSequence != null;
            Runner.Start(FlushSequence);
            _activity = Activity.Flush;
            Report(LogLevel.Warning, "lost its registers: re-syncing");
            Advance(nowMs);
            return Status;
        }

        public abstract DriverStatus ProbeForReset(out bool wasReset);

        // ---- ISequenceTarget -----------------------------------------------------------------------

        public override StepResult Perform(int action, long nowMs)
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
                case CodecActions.CloseOutputs:
                    return MoveOutputs(nowMs, false);
                case CodecActions.OpenOutputs:
                    return MoveOutputs(nowMs, true);
                default:
                    return PerformChipAction(action, nowMs);
            }
        }

        // ---- for chip drivers ----------------------------------------------------------------------

        /// <summary>Works out the clock registers for a rate and MCLK, ready for <see cref="ClockSequence"/>.</summary>
        protected abstract DriverStatus PlanClocks(int sampleRate, int mclkHz);

        /// <summary>Sets the I2S word length and framing (outputs are not live).</summary>
        protected abstract DriverStatus ApplyFormat(int wordLength, InterfaceFormat format);

        /// <summary>How long <paramref name="samples"/> take at <paramref name="sampleRate"/>, rounded up, plus 10 ms of margin.</summary>
        protected static int RampMs(int samples, int sampleRate)
        {
            return (samples * 1000 + sampleRate - 1) / sampleRate + 10;
        }

        /// <summary>The chip's DAC soft-mute bit as the driver last set it (the caller's wish is <see cref="Muted"/>).</summary>
        protected bool DacSoftMuted
        {
            get { return _chipMuted; }
        }

        /// <summary>The DAC is soft-muted and its ramp has run: nothing from playback reaches the outputs.</summary>
        protected bool DacSilent(long nowMs)
        {
            return _chipMuted && nowMs - _muteChangedMs >= MuteRampMs;
        }

        protected override void OnFault()
        {
            _activity = Activity.None;
            _clockSequencePending = false;
        }

        // Moves the output level towards the caller's (open) or the closed code. With a monitor path
        // open the outputs carry a live input, so the level moves one chip step per interval;
        // otherwise only the DAC reaches them: wait for its soft mute to have run, then move at once.
        private StepResult MoveOutputs(long nowMs, bool open)
        {
            if (!open)
            {
                _outputsOpen = false;
            }

            int targetLeft = open ? _outputLeft : ClosedOutputCode;
            int targetRight = open ? _outputRight : ClosedOutputCode;
            int left = OutputCode(true);
            int right = OutputCode(false);
            if (left != targetLeft || right != targetRight)
            {
                int nextLeft = targetLeft;
                int nextRight = targetRight;
                if (MonitorOpen)
                {
                    if (nowMs < _nextOutputStepMs)
                    {
                        return StepResult.Again;
                    }

                    nextLeft = StepOutputLevel(left, targetLeft);
                    nextRight = StepOutputLevel(right, targetRight);
                    _nextOutputStepMs = nowMs + OutputStepIntervalMs;
                }
                else if (!DacSilent(nowMs))
                {
                    return StepResult.Again;
                }

                WriteOutputLevel(nextLeft, nextRight);
                if (Status != DriverStatus.Ok)
                {
                    return StepResult.Failed;
                }

                if (nextLeft != targetLeft || nextRight != targetRight)
                {
                    return StepResult.Again;
                }
            }

            _outputsOpen = open;
            return StepResult.Done;
        }

        private bool WriteDacMute(bool muted, long nowMs)
        {
            if (muted != _chipMuted)
            {
                _muteChangedMs = nowMs;
            }

            _chipMuted = muted;
            SetDacMuteInCache(muted);
            return Sync(DacMuteRegister);
        }

        private DriverStatus CheckNotLive()
        {
            if (!_started || Busy)
            {
                return DriverStatus.InvalidState;
            }

            if (Status != DriverStatus.Ok)
            {
                return Status;
            }

            // A clock or format change under live outputs is a click: only while the outputs are down.
            return _state == CodecPowerState.On ? DriverStatus.InvalidState : DriverStatus.Ok;
        }

        private void StartMuteChange(long nowMs)
        {
            _activity = _wantMuted ? Activity.Mute : Activity.Unmute;
            Runner.Start(_wantMuted ? MuteSequence : UnmuteSequence);
            Advance(nowMs);
        }

        // Runs the current sequence; when it ends, starts the next one: the clocks after a re-sync
        // flush, then one power step at a time towards the goal, then the un-mute if wished.
        private void Advance(long nowMs)
        {
            while (Status == DriverStatus.Ok)
            {
                if (Runner.Running)
                {
                    if (!Runner.Tick(nowMs, this))
                    {
                        return; // waiting: a settle time, a ramp, or the writes-per-tick budget
                    }

                    if (Runner.Failed)
                    {
                        if (Status == DriverStatus.Ok)
                        {
                            Fail("stopped answering during a sequence (step " + Runner.Position.ToString() + ")");
                        }

                        return;
                    }

                    if (_activity == Activity.Transition)
                    {
                        _state = _transitionTo;
                        if (Logging)
                        {
                            Report(LogLevel.Debug, "is " + StateName(_state));
                        }
                    }

                    _activity = Activity.None;
                    continue;
                }

                if (_clockSequencePending)
                {
                    _clockSequencePending = false;
                    _activity = Activity.Clocks;
                    Runner.Start(ClockSequence);
                    continue;
                }

                if (_state == _goal)
                {
                    if (_state == CodecPowerState.On && !_wantMuted && _chipMuted)
                    {
                        _activity = Activity.Unmute; // reached On with the wish un-muted: open up softly
                        Runner.Start(UnmuteSequence);
                        continue;
                    }

                    return;
                }

                _transitionTo = _goal > _state ? (CodecPowerState)((int)_state + 1) : (CodecPowerState)((int)_state - 1);
                _activity = Activity.Transition;
                Runner.Start(TransitionSequence(_state, _transitionTo));
            }
        }

        private static string StateName(CodecPowerState state)
        {
            return state == CodecPowerState.On ? "on" : (state == CodecPowerState.Standby ? "in standby" : "off");
        }
    }
}
