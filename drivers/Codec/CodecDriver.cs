using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>
    /// What every codec driver shares: the power-state machine (one pop-free sequence per step
    /// between Off, Standby and On, run over ticks), the clock sequence, the DAC soft-mute wish and
    /// its timing, the headphone output level opened and closed softly, bus-fault handling, and the
    /// re-sync after the chip lost its registers. A chip driver supplies its
    /// <see cref="CodecProfile"/> (capabilities, sequences, register layout: data) and the few
    /// things that need code.
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
            TakeOver = 6,
            Blocks = 7,
        }

        /// <summary>How long a block powered up while On settles behind its mute before it may play.</summary>
        public const int BlockSettleMs = 20;

        private static readonly SequenceStep[] FlushSequence = { SequenceStep.Do(CodecActions.Flush) };

        // A change of the blocks while On: a DAC going down is silenced first, a block coming up
        // settles behind the mute, then a DAC back up under open outputs ramps out of its mute.
        private static readonly SequenceStep[] BlocksSequence =
        {
            SequenceStep.Do(CodecActions.SilenceDroppedPlayback),
            SequenceStep.Do(CodecActions.PowerBlocks),
            SequenceStep.Wait(BlockSettleMs),
            SequenceStep.Do(CodecActions.ResumePlayback),
        };

        private CodecPowerState _state = CodecPowerState.Off;
        private CodecPowerState _goal = CodecPowerState.Off;
        private CodecPowerState _transitionTo = CodecPowerState.Off;
        private Activity _activity = Activity.None;
        private bool _clockSequencePending;
        private bool _started;
        private bool _wantMuted = true;
        private bool _chipMuted = true;
        private int _sampleRate; // of the configured clocks, 0 until there are some
        private int _muteRampMs; // MuteRampMs at _sampleRate
        private CodecBlocks _blocksWanted = CodecBlocks.All;
        private CodecBlocks _blocksPowered = CodecBlocks.None;
        private bool _muteRecheck; // a blocks change ran while the mute wish may have changed

        // The headphone output level the caller asked for (codes), and whether the registers follow it.
        private int _outputLeft;
        private int _outputRight;
        private bool _outputsOpen;
        private long _nextOutputStepMs;
        private long _muteChangedMs;
        private long _biasOffMs = long.MinValue / 2;

        // A take-over runs: once the chip is in Standby, flush what is still dirty (and, for a
        // readable chip adopted live, first put the driver's defaults back into the cache).
        private bool _takeOverFlushPending;
        private bool _reloadDefaultsInStandby;

        /// <param name="profile">The chip as data (built once per chip).</param>
        /// <param name="log">Where failures and state changes are reported (may be null).</param>
        protected CodecDriver(RegisterBank registers, CodecProfile profile, ILog log)
            : base(registers, log, LogSource)
        {
            Profile = profile;
            SetSampleRate(0);
        }

        public override string Name
        {
            get { return Profile.Name; }
        }

        public CodecCapabilities Capabilities
        {
            get { return Profile.Capabilities; }
        }

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

        public CodecBlocks BlocksNeeded
        {
            get { return _blocksWanted; }
        }

        public CodecBlocks BlocksPowered
        {
            get { return _blocksPowered; }
        }

        /// <summary>The caller's wish: true until <see cref="SetMuted"/>(false); the chip stays muted until On.</summary>
        public bool Muted
        {
            get { return _wantMuted; }
        }

        // ---- what a chip driver supplies -----------------------------------------------------------

        /// <summary>The sequence that sets up the configured clocks (null until <see cref="ConfigureClocks"/>).</summary>
        protected abstract SequenceStep[] ClockSequence { get; }

        /// <summary>Puts the driver's defaults into the cache (zero-cross, ramps, safe volumes), on a chip at reset.</summary>
        protected abstract void LoadDefaults();

        /// <summary>Sets the DAC soft-mute bit in the cache only (the profile's bit; a chip whose bit has another use too overrides this).</summary>
        protected virtual void SetDacMuteInCache(bool muted)
        {
            Registers.Cache.Update(Profile.DacMuteRegister, Profile.DacMuteBit, muted ? Profile.DacMuteBit : 0);
        }

        /// <summary>Puts the chip to its reset state by command (the caller then treats the cache as reset).</summary>
        protected abstract bool ResetChip();

        /// <summary>The chip is back at its reset values (before the re-sync): forget chip state kept outside the cache.</summary>
        protected virtual void OnChipReset()
        {
        }

        /// <summary>
        /// Sets the chip's power bits of the blocks (<see cref="CodecActions.PowerBlocks"/>): those in
        /// <paramref name="blocks"/> up, the others down; what the monitor needs stays up.
        /// </summary>
        protected abstract StepResult ApplyBlockPower(CodecBlocks blocks);

        /// <summary>
        /// The chip mixes the monitor through its DAC (<see cref="CodecCapabilities.MonitorInDigitalMixer"/>):
        /// playback not being needed never soft-mutes or powers down its DAC.
        /// </summary>
        protected bool DacCarriesMonitor
        {
            get { return Capabilities.MonitorInDigitalMixer; }
        }

        /// <summary>Runs a chip action of a sequence.</summary>
        protected abstract StepResult PerformChipAction(int action, long nowMs);

        // ---- IAudioCodec ---------------------------------------------------------------------------

        public DriverStatus Start(long nowMs)
        {
            Begin(nowMs);
            if (Registers.Flush(int.MaxValue) != 0)
            {
                return Fail("does not answer while loading its defaults");
            }

            Report(LogLevel.Info, "started");
            return DriverStatus.Ok;
        }

        /// <summary>
        /// Takes charge of the chip whatever state it is in (see <see cref="IAudioCodec.TakeCharge"/>).
        /// The chip driver says what it found (<see cref="BeginTakeOver"/>): a chip at its reset
        /// state (or idle) starts as <see cref="Start"/> does; a live one is brought down to
        /// Standby pop-free, over ticks, and what is still dirty is flushed there.
        /// </summary>
        public DriverStatus TakeCharge(long nowMs)
        {
            Begin(nowMs);
            _goal = CodecPowerState.Standby;
            SequenceStep[] takeOver = BeginTakeOver(nowMs);
            if (Status != DriverStatus.Ok)
            {
                return Status;
            }

            if (takeOver != null)
            {
                // A write-only chip: its blind take-over ends in Standby.
                _muteChangedMs = nowMs; // a live DAC's soft-mute ramp starts with it
                _takeOverFlushPending = true;
                _transitionTo = CodecPowerState.Standby;
                _activity = Activity.TakeOver;
                Runner.Start(takeOver);
                Report(LogLevel.Info, "taking charge (its state unknown): silencing it, then standby");
            }
            else if (_state != CodecPowerState.Off)
            {
                // A readable chip found live (AdoptLive): down through the driver's own sequences.
                _takeOverFlushPending = true;
                Report(LogLevel.Info, "found live: taking charge through its own way down to standby");
            }
            else
            {
                if (Registers.Flush(int.MaxValue) != 0)
                {
                    return Fail("does not answer while loading its defaults");
                }

                Report(LogLevel.Info, "started");
            }

            Advance(nowMs);
            return Status;
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

        public DriverStatus SetBlocksNeeded(CodecBlocks blocks, long nowMs)
        {
            _blocksWanted = blocks & CodecBlocks.All;
            if (!_started || Status != DriverStatus.Ok)
            {
                return Status; // kept: the next power-up (or the re-sync) powers what is wished
            }

            Advance(nowMs); // while On and idle: the change starts now; otherwise once On
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

            SetSampleRate(sampleRate);
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
        /// <see cref="CodecSequences.Mute"/> or <see cref="CodecSequences.Unmute"/>, over ticks); otherwise they
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
            return !stepping && _chipMuted == DacMuteTarget && nowMs - _muteChangedMs >= MuteRampMs;
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
            for (int i = 0; i < Profile.SequencedRegisterCount; i++)
            {
                Registers.Cache.RestoreResetValue(Profile.SequencedRegister(i));
            }

            _outputsOpen = false;
            _blocksPowered = CodecBlocks.None;
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

        /// <summary>
        /// A readable chip's reset probe: reads back <paramref name="register"/>, which the driver set
        /// at start to a value other than its reset value; anything but the cached value (when the
        /// cache has no write pending) means the registers were lost.
        /// </summary>
        protected DriverStatus ProbeRegister(int register, string registerName, out bool wasReset)
        {
            wasReset = false;
            if (Status != DriverStatus.Ok)
            {
                return Status;
            }

            int value;
            if (!Registers.ReadChip(register, out value))
            {
                return Fail("does not answer a read of " + registerName);
            }

            wasReset = !Registers.Cache.IsDirty(register) && value != Registers.Get(register);
            return DriverStatus.Ok;
        }

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
                    // A DAC whose playback is not needed stays soft-muted (the outputs still open for the monitor).
                    return WriteDacMute(!PlaybackPowered, nowMs) ? StepResult.Done : StepResult.Failed;
                case CodecActions.PowerBlocks:
                    return PowerBlocks();
                case CodecActions.SilenceDroppedPlayback:
                    return SilenceDroppedPlayback(nowMs);
                case CodecActions.ResumePlayback:
                    if (PlaybackPowered && !_wantMuted && _chipMuted && _outputsOpen)
                    {
                        return WriteDacMute(false, nowMs) ? StepResult.Done : StepResult.Failed;
                    }

                    return StepResult.Done;
                case CodecActions.WaitDischarge:
                    return nowMs - _biasOffMs >= Profile.DischargeMs ? StepResult.Done : StepResult.Again;
                case CodecActions.BiasOff:
                    _biasOffMs = nowMs;
                    return StepResult.Done;
                case CodecActions.Flush:
                    return FlushSome();
                case CodecActions.CloseOutputs:
                    return MoveOutputs(nowMs, false);
                case CodecActions.OpenOutputs:
                    return MoveOutputs(nowMs, true);
                default:
                    return PerformChipAction(action, nowMs);
            }
        }

        // ---- for chip drivers ----------------------------------------------------------------------

        /// <summary>
        /// Called by <see cref="TakeCharge"/> once the cache holds the reset values with the driver's
        /// defaults on top (nothing written yet). A readable chip reads what it holds: at its reset
        /// state or idle (outputs off) it records what the chip holds and returns null, and what
        /// differs is flushed as by <see cref="Start"/>; live, it calls <see cref="AdoptLive"/> and
        /// returns null. A write-only chip marks what it cannot know and returns its blind
        /// take-over: steps that silence the chip from any state, harmless at reset, ending in Standby.
        /// </summary>
        protected abstract SequenceStep[] BeginTakeOver(long nowMs);

        /// <summary>
        /// A readable chip was found live, the cache mirroring what it holds: the driver takes it as
        /// On, its headphone output open at <paramref name="leftCode"/>/<paramref name="rightCode"/>,
        /// goes down to Standby through its own sequences (mute first), then puts its defaults back.
        /// </summary>
        protected void AdoptLive(int leftCode, int rightCode, bool dacMuted, long nowMs)
        {
            _state = CodecPowerState.On;
            _chipMuted = dacMuted;
            _muteChangedMs = nowMs;
            _outputLeft = leftCode;
            _outputRight = rightCode;
            _outputsOpen = true;
            _blocksPowered = CodecBlocks.All; // found live: as the full power-up leaves it
            _reloadDefaultsInStandby = true;
        }

        /// <summary>The chip as data.</summary>
        protected CodecProfile Profile { get; }

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

        /// <summary>
        /// Sets one monitor path (<see cref="CodecProfile.Monitor"/>): its gain field, and its switch
        /// on where <paramref name="switchOn"/>. The monitor gain's mute code clears only the switch
        /// (the gain field keeps its value: no write just to move it).
        /// </summary>
        protected void SetMonitorPath(int register, int code, bool switchOn)
        {
            CodecMonitorSwitches monitor = Profile.Monitor;
            if (code == Capabilities.MonitorGain.MuteCode)
            {
                Update(register, monitor.SwitchBit, 0);
            }
            else
            {
                Update(register, monitor.SwitchBit | monitor.GainMask, (switchOn ? monitor.SwitchBit : 0) | (code << monitor.GainShift));
            }
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

            int targetLeft = open ? _outputLeft : Profile.Output.ClosedCode;
            int targetRight = open ? _outputRight : Profile.Output.ClosedCode;
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

                    nextLeft = StepOutputLevel(left, targetLeft, _outputLeft);
                    nextRight = StepOutputLevel(right, targetRight, _outputRight);
                    _nextOutputStepMs = nowMs + Profile.Output.RampIntervalMs;
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

        // What Start and TakeCharge share: the driver forgets everything, the cache holds the reset
        // values with the driver's defaults on top, and the chip counts as Off; nothing is written.
        private void Begin(long nowMs)
        {
            Runner.Stop();
            _activity = Activity.None;
            _clockSequencePending = false;
            _takeOverFlushPending = false;
            _reloadDefaultsInStandby = false;
            Registers.Cache.RestoreResetValues();
            Registers.CacheOnly = false;
            _state = CodecPowerState.Off;
            _goal = CodecPowerState.Off;
            _wantMuted = true;
            _chipMuted = true;
            SetSampleRate(0);
            _muteChangedMs = nowMs - MuteRampMs; // unpowered: as silent as a finished ramp
            _outputLeft = Profile.Output.ClosedCode;
            _outputRight = Profile.Output.ClosedCode;
            _outputsOpen = false;
            _biasOffMs = nowMs - Profile.DischargeMs; // out of power-on the outputs are discharged
            _blocksPowered = CodecBlocks.None; // the caller's wish (_blocksWanted) is kept
            ClearFault();
            _started = true;
            LoadDefaults();
        }

        // A readable chip adopted live is in Standby now, its outputs off: the driver's defaults go
        // back into the cache (the power registers stay as the sequences left them).
        private void ReloadDefaults()
        {
            for (int register = 0; register < Registers.Cache.Count; register++)
            {
                if (!IsSequenced(register))
                {
                    Registers.Cache.Set(register, Registers.Cache.ResetValue(register));
                }
            }

            _outputLeft = Profile.Output.ClosedCode;
            _outputRight = Profile.Output.ClosedCode;

            // LoadDefaults also sets the registers the sequences own (for a start from reset):
            // here they keep what the sequences left.
            var sequenced = new int[Profile.SequencedRegisterCount];
            for (int i = 0; i < sequenced.Length; i++)
            {
                sequenced[i] = Registers.Cache.Get(Profile.SequencedRegister(i));
            }

            LoadDefaults();
            for (int i = 0; i < sequenced.Length; i++)
            {
                Registers.Cache.Set(Profile.SequencedRegister(i), sequenced[i]);
            }
        }

        private bool IsSequenced(int register)
        {
            for (int i = 0; i < Profile.SequencedRegisterCount; i++)
            {
                if (Profile.SequencedRegister(i) == register)
                {
                    return true;
                }
            }

            return false;
        }

        private bool WriteDacMute(bool muted, long nowMs)
        {
            if (muted != _chipMuted)
            {
                _muteChangedMs = nowMs;
            }

            _chipMuted = muted;
            SetDacMuteInCache(muted);
            return Sync(Profile.DacMuteRegister);
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
            Runner.Start(_wantMuted ? Profile.Sequences.Mute : Profile.Sequences.Unmute);
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
                    if (!RunSequence(nowMs))
                    {
                        return; // waiting (a settle time, a ramp, the writes-per-tick budget), or failed
                    }

                    if (_activity == Activity.Blocks)
                    {
                        _muteRecheck = true;
                    }

                    if (_activity == Activity.Transition || _activity == Activity.TakeOver)
                    {
                        _state = _transitionTo;
                        if (_state != CodecPowerState.On)
                        {
                            _blocksPowered = CodecBlocks.None; // the way down powers every block off
                        }

                        if (Logging)
                        {
                            Report(LogLevel.Debug, "is " + StateName(_state));
                        }
                    }

                    _activity = Activity.None;
                    continue;
                }

                if (_takeOverFlushPending && _state == CodecPowerState.Standby)
                {
                    // Taken over, outputs off: whatever the chip may still hold differently is written now.
                    _takeOverFlushPending = false;
                    if (_reloadDefaultsInStandby)
                    {
                        _reloadDefaultsInStandby = false;
                        ReloadDefaults();
                    }

                    _activity = Activity.Flush;
                    Runner.Start(FlushSequence);
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
                    if (_state == CodecPowerState.On && _blocksPowered != _blocksWanted)
                    {
                        _activity = Activity.Blocks; // the caller's blocks changed while On
                        Runner.Start(BlocksSequence);
                        continue;
                    }

                    if (_state == CodecPowerState.On && _muteRecheck)
                    {
                        // A mute wished while the blocks changed: SetMuted could not start it then.
                        _muteRecheck = false;
                        if (_wantMuted && (!_chipMuted || _outputsOpen))
                        {
                            _activity = Activity.Mute;
                            Runner.Start(Profile.Sequences.Mute);
                            continue;
                        }
                    }

                    if (_state == CodecPowerState.On && !_wantMuted && ((_chipMuted && PlaybackPowered) || !_outputsOpen))
                    {
                        _activity = Activity.Unmute; // reached On with the wish un-muted: open up softly
                        Runner.Start(Profile.Sequences.Unmute);
                        continue;
                    }

                    return;
                }

                _transitionTo = _goal > _state ? (CodecPowerState)((int)_state + 1) : (CodecPowerState)((int)_state - 1);
                _activity = Activity.Transition;
                Runner.Start(TransitionSequence(_state, _transitionTo));
            }
        }

        /// <summary>The sequence from <paramref name="from"/> to the next state <paramref name="to"/>: the profile's, unless the chip knows better.</summary>
        protected virtual SequenceStep[] TransitionSequence(CodecPowerState from, CodecPowerState to)
        {
            return Profile.Sequences.Transition(from, to);
        }

        // The DAC may play: its playback block is powered, or it carries the monitor (it never goes down).
        private bool PlaybackPowered
        {
            get { return DacCarriesMonitor || (_blocksPowered & CodecBlocks.Playback) != 0; }
        }

        // Where the DAC's soft mute should be: muted as wished, or while its playback is not powered.
        private bool DacMuteTarget
        {
            get { return _wantMuted || !PlaybackPowered; }
        }

        private StepResult PowerBlocks()
        {
            StepResult result = ApplyBlockPower(_blocksWanted);
            if (result == StepResult.Done)
            {
                _blocksPowered = _blocksWanted;
            }

            return result;
        }

        // Before the blocks change while On: a DAC that plays and is going down soft-mutes first.
        private StepResult SilenceDroppedPlayback(long nowMs)
        {
            bool dropping = !DacCarriesMonitor && (_blocksPowered & CodecBlocks.Playback) != 0 && (_blocksWanted & CodecBlocks.Playback) == 0;
            if (!dropping)
            {
                return StepResult.Done;
            }

            if (!_chipMuted && !WriteDacMute(true, nowMs))
            {
                return StepResult.Failed;
            }

            return DacSilent(nowMs) ? StepResult.Done : StepResult.Again;
        }

        // How long the DAC's soft-mute ramp takes at the configured rate (48 kHz until one is), with
        // margin: worked out when the rate is set, it is asked every tick a jack ramps.
        private int MuteRampMs
        {
            get { return _muteRampMs; }
        }

        private void SetSampleRate(int sampleRate)
        {
            _sampleRate = sampleRate;
            _muteRampMs = RampMs(Profile.MuteRampSamples, sampleRate != 0 ? sampleRate : 48000);
        }

        // Some analogue monitor path is switched into an output mixer.
        private bool MonitorOpen
        {
            get
            {
                CodecMonitorSwitches monitor = Profile.Monitor;
                for (int path = 0; path < monitor.PathCount; path++)
                {
                    if ((Registers.Get(monitor.Register(path)) & monitor.SwitchBit) != 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The headphone output code the cache holds for one side (a chip whose level is not a left/right register pair overrides this and <see cref="WriteOutputLevel"/>).</summary>
        protected virtual int OutputCode(bool left)
        {
            CodecOutputLevel output = Profile.Output;
            return Registers.Get(left ? output.LeftRegister : output.RightRegister) & output.VolumeMask;
        }

        /// <summary>Both sides' headphone output codes, in the chip's pair discipline.</summary>
        protected virtual void WriteOutputLevel(int leftCode, int rightCode)
        {
            CodecOutputLevel output = Profile.Output;
            WritePair(output.LeftRegister, output.RightRegister, output.AlwaysSet | leftCode, output.AlwaysSet | rightCode, output.LatchBit);
        }

        // One ramp step of the output level from current towards target. Below the lowest level
        // (mute, where the chip has one) is one step from it, so a ramp from mute starts at the
        // lowest level and a ramp to mute ends there. Near the open level (loud) the ramp steps a
        // code at a time where the profile says (CodecOutputLevel.FineSpan).
        private int StepOutputLevel(int current, int target, int loud)
        {
            int lowest = Capabilities.HeadphoneVolume.MinCode;
            if (current == target || (current < lowest && target < lowest))
            {
                return target;
            }

            if (current < lowest)
            {
                return lowest; // from mute: the lowest level first
            }

            if (target < lowest && current == lowest)
            {
                return target; // to mute: from the lowest level
            }

            CodecOutputLevel output = Profile.Output;
            int to = target < lowest ? lowest : target;
            int step = output.RampStep;
            int fineFrom = loud - output.FineSpan; // above this, a code a step
            if (current > fineFrom || (to > current && current + step > fineFrom))
            {
                step = 1;
            }

            int next = to > current ? current + step : current - step;
            return (to > current && next >= to) || (to < current && next <= to) ? to : next;
        }

        private static string StateName(CodecPowerState state)
        {
            return state == CodecPowerState.On ? "on" : (state == CodecPowerState.Standby ? "in standby" : "off");
        }
    }
}
