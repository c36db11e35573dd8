using System;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>The controls: GPIO edges to debounced inputs to gestures to actions on the settings and the state; jack detect.</summary>
    public sealed partial class InterfaceDevice
    {
        // ---- inputs --------------------------------------------------------------------------------

        private void OpenInputs()
        {
            int buttons = _profile.Buttons.Length;
            int detects = 0;
            for (int j = 0; j < _jackCount; j++)
            {
                detects += _profile.Jacks[j].DetectPin >= 0 ? 1 : 0;
            }

            if (buttons + detects > 31)
            {
                throw new ArgumentException("at most 31 buttons and jack detects (a bit each)", "profile");
            }

            _pins = new IDigitalInput[buttons + detects];
            _debounced = new DebouncedInput[buttons + detects];
            _jackOfInput = new int[buttons + detects];
            var names = new string[buttons];
            for (int i = 0; i < buttons; i++)
            {
                ButtonProfile button = _profile.Buttons[i];
                names[i] = button.Name;
                _pins[i] = _io.Gpio.OpenInput(button.Pin, button.ActiveLow);
                _debounced[i] = new DebouncedInput(_pins[i], button.ActiveLow, DebouncedInput.DefaultDebounceMs);
                _jackOfInput[i] = -1;
            }

            int n = buttons;
            for (int j = 0; j < _jackCount; j++)
            {
                JackProfile jack = _profile.Jacks[j];
                if (jack.DetectPin < 0)
                {
                    continue;
                }

                _pins[n] = _io.Gpio.OpenInput(jack.DetectPin, false);
                _debounced[n] = new DebouncedInput(_pins[n], jack.DetectActiveLow, JackDebounceMs);
                _jackOfInput[n] = j;
                _state.Jacks[j].Plugged = _debounced[n].Active;
                n++;
            }

            _buttonInputs = (1 << buttons) - 1; // the first inputs are the buttons, the jack detects follow
            _gestures = new ButtonGestures(names, _profile.Gestures, _actions, _log);
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i].Edge += OnEdge;
            }
        }

        // GPIO event thread on the device: record the edge, nothing else.
        private void OnEdge(IDigitalInput input, bool level)
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                if (_pins[i] == input)
                {
                    _edges.Enqueue(i, level, _io.Clock.NowMs);
                    return;
                }
            }
        }

        private void DrainEdges()
        {
            int source;
            bool level;
            long timeMs;
            while (_edges.TryDequeue(out source, out level, out timeMs))
            {
                _debounced[source].OnEdge(timeMs);
                _inputsPending |= 1 << source;
            }
        }

        // Only the inputs with an edge to judge (or chattering) are asked: most ticks none is.
        private void UpdateButtons(long nowMs)
        {
            int pending = _inputsPending & _buttonInputs;
            for (int i = 0; pending != 0; i++, pending >>= 1)
            {
                if ((pending & 1) == 0)
                {
                    continue;
                }

                DebouncedInput input = _debounced[i];
                InputChange change = input.Update(nowMs);
                _inputsPending &= input.Settled ? ~(1 << i) : ~0;
                if (change != InputChange.None)
                {
                    _gestures.OnInputChange(i, change, nowMs);
                }
            }

            _gestures.Update(nowMs);
        }

        private void UpdateJackDetect(long nowMs)
        {
            int first = _profile.Buttons.Length;
            int pending = _inputsPending >> first;
            for (int i = first; pending != 0; i++, pending >>= 1)
            {
                if ((pending & 1) == 0)
                {
                    continue;
                }

                int jack = _jackOfInput[i];
                DebouncedInput input = _debounced[i];
                InputChange change = input.Update(nowMs);
                _inputsPending &= input.Settled ? ~(1 << i) : ~0;
                switch (change)
                {
                    case InputChange.Activated:
                        Plugged(jack, true);
                        break;
                    case InputChange.Deactivated:
                        Plugged(jack, false);
                        break;
                    case InputChange.StartedChattering:
                        _log.Write(LogLevel.Warning, Source, _profile.Jacks[jack].Name + " jack detect chatters: jack muted until it settles");
                        Plugged(jack, false);
                        break;
                    case InputChange.StoppedChattering:
                        Plugged(jack, input.Active);
                        break;
                }
            }
        }

        private void Plugged(int jack, bool plugged)
        {
            LookAgainNow();
            JackState state = _state.Jacks[jack];
            if (state.Plugged == plugged)
            {
                return;
            }

            state.Plugged = plugged;
            if (plugged)
            {
                ApplyBootCap(jack); // a new pair of headphones starts no louder than the boot cap
            }

            _log.Write(LogLevel.Info, Source, _profile.Jacks[jack].Name + " jack: " + (plugged ? "headphones plugged in" : "unplugged, muted"));
        }

        // ---- actions -------------------------------------------------------------------------------

        /// <summary>Carries out a user action on the settings and the state (also for tests and scripts).</summary>
        public void Apply(UserAction action, long nowMs)
        {
            LookAgainNow(); // the next tick looks at every jack again (an action changes what they should do)
            _applied = true;
            int j = _state.SelectedJack;
            JackSettings jack = _settings.Jacks[j];
            JackState state = _state.Jacks[j];
            JackPlanner planner = _planners[j];
            switch (action)
            {
                case UserAction.VolumeUp:
                    if (_state.EqFocus >= 0)
                    {
                        StepEqBand(j, true, nowMs);
                    }
                    else if (_state.InputFocus >= 0)
                    {
                        StepInputGain(_state.InputFocus, true);
                    }
                    else if (state.Muted)
                    {
                        state.Muted = false;
                    }
                    else if (state.AtFloor)
                    {
                        state.AtFloor = false;
                        jack.LevelCentiDb = planner.MinLevel(jack.Range);
                    }
                    else
                    {
                        jack.LevelCentiDb = planner.Snap(jack.LevelCentiDb + JackPlanner.StepCentiDb, jack.Range, jack.UserMaxCentiDb);
                    }

                    break;
                case UserAction.VolumeDown:
                    if (_state.EqFocus >= 0)
                    {
                        StepEqBand(j, false, nowMs);
                    }
                    else if (_state.InputFocus >= 0)
                    {
                        StepInputGain(_state.InputFocus, false);
                    }
                    else if (!state.Muted && !state.AtFloor)
                    {
                        if (jack.LevelCentiDb - JackPlanner.StepCentiDb < planner.MinLevel(jack.Range))
                        {
                            state.AtFloor = true;
                        }
                        else
                        {
                            jack.LevelCentiDb -= JackPlanner.StepCentiDb;
                        }
                    }

                    break;
                case UserAction.ToggleMute:
                    state.Muted = !state.Muted;
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack " + (state.Muted ? "muted" : "un-muted"));
                    break;
                case UserAction.SelectNextJack:
                    _state.SelectedJack = (j + 1) % _jackCount;
                    _state.ShowSelectionUntilMs = (nowMs / LedPatterns.CycleMs + 1 + SelectionShowCycles) * LedPatterns.CycleMs;
                    _log.Write(LogLevel.Info, Source, "volume keys on the " + _profile.Jacks[_state.SelectedJack].Name + " jack");
                    break;
                case UserAction.CycleGainRange:
                    jack.Range = (HeadphoneRange)(((int)jack.Range + 1) % 3);
                    jack.LevelCentiDb = planner.Snap(jack.LevelCentiDb, jack.Range, jack.UserMaxCentiDb);
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack: " + RangeName(jack.Range) + " range, maximum " + Db(planner.MaxLevel(jack.Range)));
                    break;
                case UserAction.SetMaximumLevel:
                    jack.UserMaxCentiDb = jack.LevelCentiDb;
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack: maximum set at " + Db(jack.LevelCentiDb));
                    break;
                case UserAction.ResetToDefaults:
                    _settings.ResetToDefaults();
                    for (int k = 0; k < _jackCount; k++)
                    {
                        _state.Jacks[k].Muted = false;
                        _state.Jacks[k].AtFloor = false;
                        ApplyBootCap(k);
                    }

                    _log.Write(LogLevel.Info, Source, "settings reset to defaults");
                    break;
                case UserAction.CycleMonitorMode:
                    if (_state.InputFocus >= 0)
                    {
                        CycleInputType(_state.InputFocus); // the keys are on an input: its type instead
                        break;
                    }

                    _settings.Monitor = NextMonitorMode(_settings.Monitor);
                    _log.Write(LogLevel.Info, Source, "monitor " + MonitorName(_settings.Monitor));
                    break;
                case UserAction.BlendTowardInputs:
                    if (_state.InputFocus >= 0)
                    {
                        MovePan(_state.InputFocus, -1); // the keys are on an input: the blend keys place it
                        break;
                    }

                    _settings.Blend = _settings.Blend > 0 ? _settings.Blend - 1 : 0;
                    break;
                case UserAction.BlendTowardPlayback:
                    if (_state.InputFocus >= 0)
                    {
                        MovePan(_state.InputFocus, 1);
                        break;
                    }

                    _settings.Blend = _settings.Blend < Settings.BlendPositions ? _settings.Blend + 1 : Settings.BlendPositions;
                    break;
                case UserAction.TogglePhantom:
                    if (_expander == null || _profile.PhantomPin < 0)
                    {
                        _log.Write(LogLevel.Warning, Source, "no phantom power on this board");
                        break;
                    }

                    _settings.Phantom = !_settings.Phantom;
                    _log.Write(LogLevel.Info, Source, "48 V phantom power " + (_settings.Phantom ? "on" : "off") + ": jacks muted around the switch");
                    break;
                case UserAction.CycleInputType:
                    CycleInputType(_state.InputFocus < 0 ? 0 : _state.InputFocus);
                    break;
                case UserAction.ToggleInputGainFocus:
                    if (_inputs == null)
                    {
                        _log.Write(LogLevel.Warning, Source, "no input gain on this board yet (the chips are not up)");
                        break;
                    }

                    if (_state.EqFocus >= 0 || _state.InputFocus + 1 >= Settings.InputCount)
                    {
                        // After the inputs, the selected jack's EQ bands (graphic, bass/treble), then the level.
                        _state.InputFocus = -1;
                        if (FocusNextEqBand(j, nowMs))
                        {
                            break;
                        }
                    }
                    else
                    {
                        _state.InputFocus++;
                    }

                    _log.Write(LogLevel.Info, Source, _state.InputFocus < 0 ? "volume keys on the jack level" : "volume keys on input " + (_state.InputFocus + 1).ToString() + "'s gain");
                    break;
                case UserAction.CycleEqPreset:
                    StepEqPreset(j, nowMs);
                    break;
                case UserAction.ToggleLimiter:
                    ToggleLimiter(j);
                    break;
                case UserAction.AutoGain:
                    if (_inputs == null)
                    {
                        _log.Write(LogLevel.Warning, Source, "auto gain: the inputs are not up yet");
                        break;
                    }

                    for (int c = 0; c < Settings.InputCount; c++)
                    {
                        _inputs.StartAutoGain(c, nowMs);
                    }

                    break;
            }
        }

        // One pan position left (−1) or right (+1), on codecs that can place an input between the
        // ears; elsewhere stereo is each input on its own side, and the press says so.
        private void MovePan(int input, int direction)
        {
            if (!_planners[0].CanPan)
            {
                _log.Write(LogLevel.Warning, Source, "no pan on this board: its monitor cannot cross-feed after the input gain");
                return;
            }

            int pan = _settings.Pan[input] + direction;
            if (pan < -Settings.PanSteps || pan > Settings.PanSteps)
            {
                return; // already at the end
            }

            _settings.Pan[input] = pan;
            _log.Write(LogLevel.Info, Source, "input " + (input + 1).ToString() + " pan " + PanName(pan));
        }

        private static string PanName(int pan)
        {
            if (pan == 0)
            {
                return "centre";
            }

            return (pan < 0 ? "left " + (-pan).ToString() : "right " + pan.ToString()) + "/" + Settings.PanSteps.ToString();
        }

        // Line → mic → instrument, skipping what the board cannot switch (mic needs microphone
        // inputs on the dev boards, or combo jacks; instrument needs a Hi-Z select).
        private void CycleInputType(int input)
        {
            InputType type = _settings.InputTypes[input];
            for (int i = 0; i < 3; i++)
            {
                type = (InputType)(((int)type + 1) % 3);
                bool possible = type == InputType.Line
                    || (type == InputType.Mic && (_profile.HasMicInputs || _profile.PhantomPin >= 0))
                    || (type == InputType.Instrument && _expander != null && _profile.HiZPins != null);
                if (possible)
                {
                    break;
                }
            }

            _settings.InputTypes[input] = type;
            _log.Write(LogLevel.Info, Source, "input " + (input + 1).ToString() + ": " + (type == InputType.Mic ? "mic" : (type == InputType.Instrument ? "instrument (Hi-Z)" : "line")));
        }

        private MonitorMode NextMonitorMode(MonitorMode mode)
        {
            switch (mode)
            {
                case MonitorMode.Off:
                    return _planners[0].CanMonitorMono ? MonitorMode.Mono : MonitorMode.Stereo;
                case MonitorMode.Mono:
                    return MonitorMode.Stereo;
                default:
                    return MonitorMode.Off;
            }
        }

        private void ApplyBootCap(int jack)
        {
            JackSettings settings = _settings.Jacks[jack];
            int level = settings.LevelCentiDb > _settings.BootCapCentiDb ? _settings.BootCapCentiDb : settings.LevelCentiDb;
            settings.LevelCentiDb = _planners[jack].Snap(level, settings.Range, settings.UserMaxCentiDb);
        }
    }
}
