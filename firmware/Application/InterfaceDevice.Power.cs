using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Firmware.Faults;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>Power and clocks: taking charge of the chips, the mode, and every clock change behind a mute.</summary>
    public sealed partial class InterfaceDevice
    {
        // ---- power and clocks ------------------------------------------------------------------------

        // Where the codecs' power and clocks stand, from boot through every clock change: the jacks
        // are open only in Live; any change of mode or rate goes Closing → ToStandby → Switch →
        // ClocksSettle → PowerOn, because clocks may change only while the outputs are not live.
        private enum ClockStage
        {
            TakeCharge = 0,
            BiasUp = 1,
            PowerOn = 2,
            Live = 3,
            Closing = 4,
            ToStandby = 5,
            Switch = 6,
            ClocksSettle = 7,
        }

        private void StepPower(long nowMs)
        {
            _selector.Update(nowMs);
            switch (_stage)
            {
                case ClockStage.TakeCharge:
                    if (!CodecsInCharge(nowMs))
                    {
                        break; // the chips may be live (the ESP32 restarted under them): silenced and in standby first
                    }

                    TakeCharge(nowMs);
                    _tookCharge = true;
                    _stage = ClockStage.BiasUp;
                    break;
                case ClockStage.BiasUp:
                    if (CodecsSettledIn(CodecPowerState.Standby) && !_selector.WaitingForHost)
                    {
                        ApplyClocks(nowMs);
                        RequestCodecs(CodecPowerState.On, nowMs);
                        _stage = ClockStage.PowerOn;
                    }

                    break;
                case ClockStage.PowerOn:
                    if (CodecsSettledIn(CodecPowerState.On))
                    {
                        _stage = ClockStage.Live;
                        _state.Busy = false;
                        if (_state.Phase == DevicePhase.Booting)
                        {
                            _state.Phase = DevicePhase.Running;
                        }

                        _log.Write(LogLevel.Info, Source, "up: " + ModeText());
                    }

                    break;
                case ClockStage.Live:
                    if (_selector.ClockChangeAnnounced || _selector.Mode != _mode || _selector.SampleRate != _rate)
                    {
                        _stage = ClockStage.Closing;
                        _state.Busy = true;
                        RestartRecoveries();
                        _log.Write(LogLevel.Info, Source, _selector.ClockChangeAnnounced ? "the computer changes the rate: muting, standby"
                            : (_selector.Mode != _mode ? "mode change: muting, standby" : "rate change: muting, standby"));
                    }

                    break;
                case ClockStage.Closing:
                    if (JacksClosed(nowMs))
                    {
                        RequestCodecs(CodecPowerState.Standby, nowMs);
                        _stage = ClockStage.ToStandby;
                    }

                    break;
                case ClockStage.ToStandby:
                    if (CodecsSettledIn(CodecPowerState.Standby))
                    {
                        _stage = ClockStage.Switch;
                    }

                    break;
                case ClockStage.Switch:
                    if (!_selector.ClockChangeAnnounced)
                    {
                        ApplyClocks(nowMs);
                        _clocksAppliedMs = nowMs;
                        _stage = ClockStage.ClocksSettle;
                    }

                    break;
                case ClockStage.ClocksSettle:
                    // Let the codecs run on the new clocks before the outputs come back: after clocks
                    // that stopped (a computer gone without notice) the closed output code and the DAC's
                    // mute ramp could not land; with clocks they do (the zero-cross timeout, 43–85 ms).
                    if (nowMs - _clocksAppliedMs >= ClockSettleMs)
                    {
                        RequestCodecs(CodecPowerState.On, nowMs);
                        _stage = ClockStage.PowerOn;
                    }

                    break;
            }
        }

        // Once the codecs are in charge (in standby, outputs off): the amplifier, then the chips'
        // configuration while nothing is live; the mode is decided meanwhile.
        private void TakeCharge(long nowMs)
        {
            if (_amplifier != null && ChipPresence.CheckAmplifier(_amplifier, _log))
            {
                if (_io.ChipsMayBeLive)
                {
                    _amplifier.TakeCharge(nowMs); // its source is silent now
                }
                else
                {
                    _amplifier.Start(nowMs);
                }
            }
            else if (_amplifier != null)
            {
                _amplifierMissing = true; // retried with back-off (WatchAmplifier), its jack muted meanwhile
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                if (codec.Status != DriverStatus.Ok)
                {
                    continue; // logged by the driver; shown as a fault
                }

                SelectInputs(codec);
                codec.SetInputGain(new StereoGain(InputGainSetting(0), InputGainSetting(1)));
                codec.SetBlocksNeeded(BlocksFor(i), nowMs); // before the bias comes up: no board uses line outputs
            }

            if (_expander != null)
            {
                _expander.Start();
                ApplyInputSwitches(); // before the outputs come up: the phantom step decays meanwhile
            }

            _phantomApplied = _settings.Phantom;
            _typesApplied0 = _settings.InputTypes[0];
            _typesApplied1 = _settings.InputTypes[1];

            if (_io.AdcTap != null && _codecs[_captureCodec].Status == DriverStatus.Ok)
            {
                // Readable codecs are asked whether they lost their registers; a write-only one
                // (it answers Unsupported) is watched through its capture instead.
                bool wasReset;
                bool writeOnly = _codecs[_captureCodec].ProbeForReset(out wasReset) == DriverStatus.Unsupported;
                IAdcTap tap = _io.AdcTap;
                if (writeOnly)
                {
                    _silence = new SilenceWatch(_io.AdcTap);
                    tap = _silence;
                }

                _inputs = new InputSection(tap, _codecs[_captureCodec], InputGainSetting(0), InputNames, _log);
                _inputs.Gains.SetGain(1, InputGainSetting(1));
            }

            for (int j = 0; j < _jackCount; j++)
            {
                ApplyBootCap(j);
                PlanJack(j);
                _outputs[j].Preset(_targets[j]);
            }

            RequestCodecs(CodecPowerState.Standby, nowMs);
        }

        // The codecs take charge of their chips whatever state they are in (TakeCharge runs over
        // ticks: a live chip is silenced and brought to standby); true once none is busy with it.
        private bool CodecsInCharge(long nowMs)
        {
            if (!_codecsTakingCharge)
            {
                _log.Write(LogLevel.Info, Source, _profile.Name + " board: taking charge of the chips");
                _codecsTakingCharge = true;
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (_io.ChipsMayBeLive)
                    {
                        _codecs[i].TakeCharge(nowMs); // silenced softly and brought to standby over ticks
                    }
                    else
                    {
                        _codecs[i].Start(nowMs);
                    }
                }
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Status == DriverStatus.Ok && _codecs[i].Busy)
                {
                    return false;
                }
            }

            return true;
        }

        // The mode's clocks: the bridge's (256·fs) in USB mode, the ESP32's in standalone mode.
        private void ApplyClocks(long nowMs)
        {
            _mode = _selector.Mode;
            _rate = _selector.SampleRate;
            _state.UsbMode = _mode == DeviceMode.Usb;
            if (_io.CodecClock != null)
            {
                if (_state.UsbMode)
                {
                    _io.CodecClock.Stop();
                }
                else if (!_io.CodecClock.Start(_rate, 256))
                {
                    _log.Write(LogLevel.Error, Source, "the ESP32 cannot clock the codec at " + _rate.ToString() + " Hz");
                }
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                codec.SetBlocksNeeded(BlocksFor(i), nowMs); // in standby here: the power-up applies it
                if (_recovery[i] != CodecRecovery.None)
                {
                    continue; // its recovery configures it for the clocks of the moment
                }

                _clockRefused[i] = false;
                if (codec.Status == DriverStatus.Ok && codec.ConfigureClocks(_rate, _rate * 256) == DriverStatus.Unsupported)
                {
                    _clockRefused[i] = true;
                    _log.Write(LogLevel.Error, Source, codec.Name + " cannot be clocked at " + _rate.ToString() + " Hz: it stays in standby, its jacks silent");
                }
            }
        }

        // What the mode needs of a codec (issue 10): capture on the codec that feeds it (the
        // computer records it in USB mode; in standalone the ESP32's meters, clip guard, auto gain
        // and brown-out watch read it); playback in USB mode, and on a board without a USB bridge
        // (the ESP32 plays to the DAC there). In standalone on a board with a bridge the ESP32
        // holds its data line low: the DACs go down, the monitor runs on without them. No board
        // wires a codec's line outputs (the portable board's SGTL5000s drive their jacks from the
        // headphone amplifiers): they stay off.
        private CodecBlocks BlocksFor(int codec)
        {
            CodecBlocks blocks = _profile.Codecs[codec].FeedsCapture ? CodecBlocks.Capture : CodecBlocks.None;
            if (_mode == DeviceMode.Usb || !_profile.HasUsbBridge)
            {
                blocks |= CodecBlocks.Playback;
            }

            return blocks;
        }

        // The codec inputs for the input types (the dev boards' microphones or line jack).
        private void SelectInputs(IAudioCodec codec)
        {
            InputSourcePair line = _profile.Inputs;
            InputSourcePair mic = _profile.MicInputs;
            InputSource left = _settings.InputTypes[0] == InputType.Mic && _profile.HasMicInputs ? mic.Left : line.Left;
            InputSource right = _settings.InputTypes[1] == InputType.Mic && _profile.HasMicInputs ? mic.Right : line.Right;
            codec.SelectInputs(left, right);
        }

        // Phantom power and the Hi-Z selects as the settings say (on muted jacks only).
        private void ApplyInputSwitches()
        {
            if (_profile.PhantomPin >= 0)
            {
                _expander.SetPin(_profile.PhantomPin, _settings.Phantom);
            }

            if (_profile.HiZPins != null)
            {
                for (int c = 0; c < _profile.HiZPins.Length && c < Settings.InputCount; c++)
                {
                    _expander.SetPin(_profile.HiZPins[c], _settings.InputTypes[c] == InputType.Instrument);
                }
            }

            _phantomApplied = _settings.Phantom;
            _typesApplied0 = _settings.InputTypes[0];
            _typesApplied1 = _settings.InputTypes[1];
        }

        // Phantom power and input changes on a live device: the jacks muted and settled, the switch,
        // then a settle time (48 V charging the inputs is a large, slow step at the preamp) before
        // they fade back in. What a headphone would hear otherwise: the emulator's phantom step.
        private void UpdateInputSwitches(long nowMs)
        {
            bool pending = _settings.Phantom != _phantomApplied || _settings.InputTypes[0] != _typesApplied0 || _settings.InputTypes[1] != _typesApplied1;
            if (!_inputSwitching)
            {
                if (!pending || _stage != ClockStage.Live)
                {
                    return;
                }

                _inputSwitching = true;
                _inputSwitchedAtMs = -1;
            }

            if (_inputSwitchedAtMs < 0)
            {
                if (!JacksClosed(nowMs))
                {
                    return;
                }

                bool phantomChanged = _settings.Phantom != _phantomApplied;
                if (_expander != null)
                {
                    ApplyInputSwitches();
                }

                _phantomApplied = _settings.Phantom;
                _typesApplied0 = _settings.InputTypes[0];
                _typesApplied1 = _settings.InputTypes[1];
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (_codecs[i].Status == DriverStatus.Ok)
                    {
                        SelectInputs(_codecs[i]);
                    }
                }

                _inputSwitchedAtMs = nowMs;
                _inputSettleMs = phantomChanged ? PhantomSettleMs : InputSwitchSettleMs;
                return;
            }

            if (nowMs - _inputSwitchedAtMs >= _inputSettleMs)
            {
                _inputSwitching = false;
            }
        }

        private int InputGainSetting(int channel)
        {
            int gain = _settings.InputGainCentiDb[channel];
            return gain == GainScale.Muted ? _profile.DefaultInputGainCentiDb : gain;
        }

        // A codec on its way back after a fault goes down with the others, but comes up only
        // through its recovery (configured for the clocks of the moment first).
        private void RequestCodecs(CodecPowerState state, long nowMs)
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Status == DriverStatus.Ok && (state != CodecPowerState.On || _recovery[i] == CodecRecovery.None))
                {
                    _codecs[i].RequestPowerState(WantedPower(i, state), nowMs);
                }
            }
        }

        // What codec i is asked for when the codecs go to a state: a codec refused the running
        // rate stays in standby instead of On.
        private CodecPowerState WantedPower(int i, CodecPowerState state)
        {
            return state == CodecPowerState.On && _clockRefused[i] ? CodecPowerState.Standby : state;
        }

        // Every working codec has reached the state and is idle.
        private bool CodecsSettledIn(CodecPowerState state)
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                if (codec.Status != DriverStatus.Ok)
                {
                    continue;
                }

                if (_recovery[i] != CodecRecovery.None)
                {
                    // idle (not mid take-over while the clocks change), and not On when the others stand by
                    if (codec.Busy || (state != CodecPowerState.On && codec.PowerState == CodecPowerState.On))
                    {
                        return false;
                    }

                    continue;
                }

                if (codec.Busy || codec.PowerState != WantedPower(i, state))
                {
                    return false;
                }
            }

            return true;
        }

        private bool JacksClosed(long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                IAudioCodec codec = _codecs[_profile.Jacks[j].CodecIndex];
                if (codec.Status == DriverStatus.Ok && !_outputs[j].ClosedAndSettled(nowMs))
                {
                    return false;
                }
            }

            return true;
        }

        private string ModeText()
        {
            string text = (_state.UsbMode ? "USB mode, clocked by the USB bridge at " : "standalone, clocked by the ESP32 at ") + _rate.ToString() + " Hz";
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_clockRefused[i])
                {
                    return text + " (a rate the codecs cannot make: silent until the next rate change)";
                }
            }

            return text;
        }
    }
}
