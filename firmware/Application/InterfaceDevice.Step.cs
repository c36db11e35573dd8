using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Firmware.Output;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>
    /// The application's step (every <see cref="TickMs"/>) and how its work is shared out among
    /// steps, so that no 10 ms period asks more of the device's interpreter than its budget
    /// (docs/benchmarks.md: 80 % of the period, the I2C transfers included).
    /// </summary>
    /// <remarks>
    /// What a step carries, in interpreted instructions (tests/Benchmarks counts them): its own
    /// bookkeeping with the buttons, the watchers and the jacks at rest, ≈1,400; a key with its
    /// planning and writes, 1,000–2,000; the meters' comb with auto gain and the clip guard,
    /// ≈1,500; a ramp step, ≈500 a latched register pair; a meter window's publication, ≈350 a
    /// channel; the look at the jacks' plans, ≈300; the chip probe, ≈150 and its I2C reads; the
    /// fault watch, ≈200; the LEDs, ≈200; the settings check, ≈100 (≈600 when the settings
    /// changed), a part of a save ≈1,000. Beside the bookkeeping a step has room for about two of
    /// these, so each waits its turn within a bound:
    /// <list type="bullet">
    /// <item>A key is planned and written in the step that takes it (the bus within a tick of the
    /// debounce); a change that moves every jack plans one jack a step. The watchers wait one
    /// step after a key.</item>
    /// <item>The meters comb every step, and wait out (their frames wait in the tap) a key's
    /// step, a probe, a settings step, a jack's fade step and a ramp step that must take a late
    /// fault watch or LED update: <see cref="MeterMaxWaitTicks"/> in a row at most, then a meter
    /// step, in which no jack ramps. A busy step that does comb looks at half as many frames.</item>
    /// <item>Jacks moving towards new targets take turns (each at half its pace); a fade-in steps
    /// every step but a meter step, one register pair a step.</item>
    /// <item>The look at the plans: every step while anything moves; while jacks merely ramp every
    /// other step, skipping steps with other heavy work, a look at least every third step; once
    /// all is steady every <see cref="PlanEveryTicks"/>th.</item>
    /// <item>A window's publication is held in a step that is busy, looks or ramps,
    /// <see cref="Inputs.PeakMeter.MaxHeldTicks"/> steps at most.</item>
    /// <item>The probe gives way to a busy step, a fade step or the steady look,
    /// <see cref="ProbeMaxWaitTicks"/> steps at most.</item>
    /// <item>The fault watch and the LEDs go into a step that is neither busy nor a ramp beside
    /// the comb, <see cref="FaultWatchEveryMs"/> / <see cref="LedsEveryMs"/> after the last (sooner
    /// in a run of keys, when such steps are few), together if that leaves room, and into any step
    /// once <see cref="FaultWatchLatestMs"/> / <see cref="LedsLatestMs"/> late.</item>
    /// <item>The settings are compared in a quiet step (no key for <see cref="KeysRestMs"/>, no
    /// planning, nothing moving), <see cref="SaverMaxWaitMs"/> late at most.</item>
    /// </list>
    /// </remarks>
    public sealed partial class InterfaceDevice
    {
        /// <summary>The most ticks in a row the meters wait out (their frames wait in the tap: 40 ms of the device ring's 43).</summary>
        public const int MeterMaxWaitTicks = 3;

        /// <summary>The most ticks in a row a due chip probe gives way to other heavy work (while anything moves every tick plans).</summary>
        public const int ProbeMaxWaitTicks = 3;

        /// <summary>Once nothing moves, whether a jack should be open and its plan are looked at again every this many ticks (40 ms).</summary>
        public const int PlanEveryTicks = 4;

        /// <summary>The fault watch looks at the chips this long after its last look, in a step with room for it (every other step while nothing moves)…</summary>
        public const int FaultWatchEveryMs = 20;

        /// <summary>…and never later than this after it (a fault is seen within it).</summary>
        public const int FaultWatchLatestMs = 40;

        /// <summary>The LEDs are updated this long after their last update, in a step with room (their patterns move in 125 ms slots)…</summary>
        public const int LedsEveryMs = 40;

        /// <summary>…and never later than this after it.</summary>
        public const int LedsLatestMs = 100;

        /// <summary>The longest the settings saver waits for a quiet tick (one without a key, planning or a moving jack, <see cref="KeysRestMs"/> after the last key).</summary>
        public const int SaverMaxWaitMs = 1000;

        /// <summary>Keys come in runs (a held key repeats, a blend sweep steps every few ticks): the settings are compared once they rest this long.</summary>
        public const int KeysRestMs = 100;

        // what the last steps did (each step's decisions follow from them)
        private bool _actionsThisTick;
        private bool _applied;
        private long _actionAtMs = long.MinValue / 2;
        private bool _watchersWaited;
        private bool _steady;
        private bool _onlyRamping; // the last step was not steady only because jacks ramped
        private bool _lookedLast;
        private int _looksWaited;
        private int _steadyTicks;
        private int _rampTurn;
        private bool _anyRamping; // some jack was ramping (moving or fading in) after the last step
        private bool _anyMoving; // some jack was moving towards new targets (not fading in): they take turns
        private bool _anyFading;
        private int _meterWaits;
        private long _nextProbeMs;
        private int _probeWaits;
        private long _saverCheckedMs;
        private long _faultsWatchedMs;
        private bool _watchWasLate; // the last watch went into a busy or ramp step
        private long _ledsAtMs;
        private bool _ledsWereLate;

        // what this step did so far (set by StepJacks)
        private bool _plannedThisStep; // a jack's targets were planned
        private bool _planWaits;     // a jack's planning waits for the next step
        private bool _unsettled;     // a jack not taken charge of yet or loading its EQ, a driver's sequence
        private bool _rampStep;      // a jack's ramp wrote (or may have)
        private bool _fadeStep;      // a jack's fade-in stepped

        private void Step(long nowMs)
        {
            TakeKeys(nowMs);
            RunWatchers(nowMs);
            bool meterStep = _meterWaits >= MeterMaxWaitTicks; // the meters waited all they may: no ramp
            bool steadyLook;
            bool lookAgain = LookAtPlans(nowMs, meterStep, out steadyLook);
            StepJacks(lookAgain, meterStep, nowMs);

            // The drivers step only while one is busy (a setter above may have started a sequence:
            // its first step ran at once, the rest follow here and on the ticks between steps).
            if (_driversBusy || DriversBusy())
            {
                _unsettled |= TickDrivers(nowMs);
            }

            ShareOutPeriodicWork(lookAgain, steadyLook, meterStep, nowMs);
        }

        private void TakeKeys(long nowMs)
        {
            DrainEdges();
            UpdateButtons(nowMs);
            UserAction action;
            while (_actions.TryTake(out action))
            {
                Apply(action, nowMs);
            }

            _actionsThisTick = _applied; // keys taken above, or actions applied since the last step (tests, scripts)
            _applied = false;
            _actionAtMs = _actionsThisTick ? nowMs : _actionAtMs;
        }

        // Jack detect, power and clocks, input switches, keep-alive, EQ loads: they leave a step
        // that applied a key to its planning and writes, one step at most (their own timings are
        // tens of ms and more: a jack's debounce 100 ms, the clocks' notice 300 ms).
        private void RunWatchers(long nowMs)
        {
            bool watchersWait = _actionsThisTick && !_watchersWaited;
            _watchersWaited = watchersWait;
            if (watchersWait)
            {
                return;
            }

            UpdateJackDetect(nowMs);
            StepPower(nowMs);
            UpdateInputSwitches(nowMs);
            _keepAlive.Update(nowMs, _settings.KeepAliveEnabled, _stage == ClockStage.Live && _mode == DeviceMode.Standalone,
                _settings.KeepAlivePeriodMs, _settings.KeepAlivePulseMs);
            StepEq(nowMs);
        }

        // Whether this step looks again at whether each jack should be open, and at its plan:
        // every step while anything moves (a key, a jack ramping, the clocks or a chip not settled,
        // an input switch, an EQ load, a plan waiting) or has just started to (the clocks leave
        // Live: a rate change, the computer leaving; an input switch); what changes without a key
        // (a chip's status, auto gain's input gain) is seen within 40 ms once all is steady (a plug
        // at once). While jacks merely ramp (nothing else moves, nothing happened since the last
        // step) every other step looks, skipping a step that has other heavy work (a meter step, or
        // a move's ramp beside the meters' comb: they wait out fade steps and probes only), a look
        // at least every third step: what a look would find is seen 10 or 20 ms later. (Every 4th
        // step was tried: a brown-out's recovery on the audio kit took 3080 ms of its stated 3000.)
        private bool LookAtPlans(long nowMs, bool meterStep, out bool steadyLook)
        {
            bool heavyAnyway = meterStep || (_anyMoving && !_anyFading && nowMs < _nextProbeMs);
            bool lookWaits = _onlyRamping && _looksWaited < 2 && (_lookedLast || heavyAnyway);
            bool moves = _actionsThisTick || _stage != ClockStage.Live || _inputSwitching || (!_steady && !lookWaits);
            steadyLook = !moves && ++_steadyTicks >= PlanEveryTicks && !meterStep;
            bool lookAgain = moves || steadyLook;
            if (lookAgain)
            {
                _steadyTicks = 0;
            }

            _lookedLast = lookAgain;
            _looksWaited = lookWaits && !lookAgain ? _looksWaited + 1 : 0;
            return lookAgain;
        }

        // The look (one jack planned a step: a change that moves every jack plans the next jack in
        // the next step, and that jack goes first there; opening and closing follow wantOpen at
        // once, only the targets wait), then each jack's output a step towards its targets. A ramp
        // step writes a latched pair or two, the step's largest piece beside the meters: when
        // several jacks move towards new targets at once (a blend, a monitor change) they take
        // turns, each at half its pace. A fade-in does not wait its turn: its pace is part of every
        // recovery's stated time, and a step that waited cannot be made up by a larger one (4 dB at
        // once clicks on a loud programme; tried). In a meter step no ramp.
        private void StepJacks(bool lookAgain, bool meterStep, long nowMs)
        {
            int ramper = -1;
            if (_anyMoving && !meterStep)
            {
                for (int k = 0; k < _jackCount && ramper < 0; k++)
                {
                    int j = _rampTurn + k;
                    j -= j >= _jackCount ? _jackCount : 0;
                    ramper = _moving[j] ? j : -1;
                }

                _rampTurn = ramper + 1 >= _jackCount ? 0 : ramper + 1;
            }

            bool anyRamping = false;
            bool anyMoving = false;
            bool anyFading = false;
            bool fadeStep = false;
            bool unsettled = false;
            bool planned = false;
            bool waiting = false;
            for (int j = 0; j < _jackCount; j++)
            {
                if (lookAgain)
                {
                    _wantOpen[j] = WantOpen(j);
                    if (!planned || _planWaiting[j])
                    {
                        _planWaiting[j] = false;
                        planned |= PlanJack(j, _wantOpen[j]);
                    }
                    else
                    {
                        _planWaiting[j] = true;
                    }
                }

                waiting |= _planWaiting[j];
                if (_tookCharge && !EqLoading(j))
                {
                    JackOutput output = _outputs[j];
                    bool rampNow = !meterStep && (ramper < 0 || ramper == j || !_moving[j]);
                    fadeStep |= rampNow && output.Fading;
                    output.Advance(_targets[j], _wantOpen[j], _jackStates[j].Plugged, rampNow, nowMs);
                    bool ramping = output.Moving;
                    bool fading = ramping && output.Fading; // (a fade-in is a ramp)
                    bool move = ramping && !fading; // towards new targets
                    _moving[j] = move;
                    anyMoving |= move;
                    anyFading |= fading;
                    anyRamping |= ramping;
                }
                else
                {
                    unsettled = true;
                }
            }

            _rampStep = (_anyRamping || anyRamping) && !meterStep;
            _fadeStep = fadeStep;
            _anyRamping = anyRamping;
            _anyMoving = anyMoving;
            _anyFading = anyFading;
            _plannedThisStep = planned;
            _planWaits = waiting;
            _unsettled = unsettled;
        }

        // The meters, the probe, a window's publication, the fault watch, the LEDs and the
        // settings, each in its turn (the rules: this class's remarks).
        private void ShareOutPeriodicWork(bool lookAgain, bool steadyLook, bool meterStep, long nowMs)
        {
            bool busy = _plannedThisStep || _actionsThisTick; // a key and its planning: the most work a step does
            bool rampStep = _rampStep;
            // (a key and its planning happened before this step's look: they leave nothing new to look at)
            bool settled = !_unsettled && !_planWaits && _stage == ClockStage.Live && !_inputSwitching && !_state.Fault;
            _steady = settled && !busy && !_anyRamping;
            _onlyRamping = settled && _anyRamping;
            bool heavy = busy || steadyLook; // (while things move every step looks: that alone is not a piece to make room for)
            if ((heavy || _fadeStep) && nowMs >= _nextProbeMs && _probeWaits < ProbeMaxWaitTicks)
            {
                _nextProbeMs = nowMs + 1;
                _probeWaits++;
            }

            bool probeTick = nowMs >= _nextProbeMs;
            _probeWaits = probeTick ? 0 : _probeWaits;
            // quiet: no key for a while (keys come in runs: a blend sweep, a held key), no planning, no jack moving
            bool quiet = !busy && !_unsettled && !_anyRamping && nowMs - _actionAtMs >= KeysRestMs;
            bool saverTick = _saver != null && !heavy && !probeTick && _meterWaits == 0 && _saver.CheckDue(nowMs)
                && ((quiet && !lookAgain) || nowMs - _saverCheckedMs >= SaverMaxWaitMs);
            // the fault watch or the LEDs as late as they may be beside a ramp: the meters make room (the comb and a ramp fill a step)
            bool lateBesideRamp = rampStep && (nowMs - _faultsWatchedMs >= FaultWatchLatestMs || nowMs - _ledsAtMs >= LedsLatestMs);
            bool meterWaits = (busy || probeTick || saverTick || _fadeStep || lateBesideRamp) && !meterStep;
            _meterWaits = meterWaits ? _meterWaits + 1 : 0;
            heavy |= probeTick;
            int windows = 0;
            if (_inputs != null)
            {
                windows = _inputs.Meter.Windows;
                _inputs.Meter.HoldWindow = heavy || lookAgain || rampStep; // a look at the plans or a ramp is piece enough beside the meters
                _inputs.Meter.Lean = busy;
            }

            if (!meterWaits)
            {
                UpdateInputs(nowMs);
            }

            bool windowTick = _inputs != null && _inputs.Meter.Windows != windows;
            // The watch and the LEDs share a step that probes no chip, unless it combs and publishes
            // a window and looks at the plans too; either goes back into the next free step after a
            // late one. In a run of keys
            // (a blend sweep steps every 40 ms: three steps of four busy or ramping) free steps are
            // few: the watch takes any of them 10 ms after the last, the LEDs 20 ms.
            long sinceWatch = nowMs - _faultsWatchedMs;
            long sinceLeds = nowMs - _ledsAtMs;
            bool keysRun = nowMs - _actionAtMs < KeysRestMs;
            bool shed = busy || (rampStep && !meterWaits); // a key's planning, or a ramp beside the meters' comb
            bool ledsForced = sinceLeds >= LedsLatestMs;
            bool watchNow = probeTick || _state.Fault || sinceWatch >= FaultWatchLatestMs
                || (!shed && !ledsForced && (sinceWatch >= FaultWatchEveryMs || _watchWasLate || keysRun));
            bool ledsNow = ledsForced || (!shed && (sinceLeds >= LedsEveryMs || _ledsWereLate || (keysRun && sinceLeds >= 2 * TickMs))
                && !(watchNow && (probeTick || (!meterWaits && windowTick && lookAgain))));
            if (watchNow)
            {
                WatchFaults(nowMs);
                if (probeTick || _state.Fault)
                {
                    _driversBusy |= DriversBusy(); // a probe or a recovery may have started a sequence
                }

                _faultsWatchedMs = nowMs;
                _watchWasLate = shed;
            }

            if (ledsNow)
            {
                _leds.Count = _state.EqShownPreset + 1;
                _leds.Update(nowMs, CurrentIndications(nowMs));
                _ledsAtMs = nowMs;
                _ledsWereLate = shed;
            }

            if (saverTick && !windowTick)
            {
                _saver.Tick(_settings, nowMs);
                _saverCheckedMs = nowMs;
            }
        }

        // Something changed that the jacks' plans follow (a key, a plug, an input gain): the next
        // step looks at them, whatever it would otherwise do.
        private void LookAgainNow()
        {
            _steady = false;
            _onlyRamping = false;
        }
    }
}
