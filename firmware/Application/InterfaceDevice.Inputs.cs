using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>The input side: meters, input gains, auto gain and the clip guard of the codec that feeds the capture.</summary>
    public sealed partial class InterfaceDevice
    {
        // One step of the codec's own input gain scale up or down (PGA and boost, 0.75 dB on the
        // WM8960, 3 dB on the ES8388), kept in the settings.
        private void StepInputGain(int channel, bool up)
        {
            if (_inputs == null)
            {
                return;
            }

            InputGains gains = _inputs.Gains;
            int current = gains.GainCentiDb(channel);
            int next = up ? JackPlanner.AtOrAbove(gains.Scale, current + 1, gains.MaxCentiDb) : JackPlanner.AtOrBelow(gains.Scale, current - 1, gains.MaxCentiDb);
            gains.SetGain(channel, next);
        }

        // The inputs of the codec that feeds the capture: meters, gains, auto gain, clip guard. The
        // other codecs' input PGAs (the second jack's monitor on the reference board) follow its gains.
        private void UpdateInputs(long nowMs)
        {
            if (_inputs == null)
            {
                return;
            }

            int finished = _inputs.Tick(nowMs);
            for (int c = 0; c < Settings.InputCount; c++)
            {
                if (_inputs.ClipGuard.Enabled(c) != _settings.ClipGuard[c])
                {
                    _inputs.ClipGuard.SetEnabled(c, _settings.ClipGuard[c]);
                }

                _settings.InputGainCentiDb[c] = _inputs.Gains.GainCentiDb(c);
            }

            if (_mirroredGain[0] != _settings.InputGainCentiDb[0] || _mirroredGain[1] != _settings.InputGainCentiDb[1])
            {
                _mirroredGain[0] = _settings.InputGainCentiDb[0];
                _mirroredGain[1] = _settings.InputGainCentiDb[1];
                _steady = false; // the monitor's plan follows the input gain
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (i != _captureCodec && _codecs[i].Status == DriverStatus.Ok)
                    {
                        _codecs[i].SetInputGain(new StereoGain(_mirroredGain[0], _mirroredGain[1]));
                    }
                }
            }

            _state.Busy = _stage != ClockStage.Live || _inputs.AutoGain(0).Running || _inputs.AutoGain(1).Running;
            if (_inputs.Meter.Clipping(0) || _inputs.Meter.Clipping(1))
            {
                _state.ClipUntilMs = nowMs + 1;
            }

            if (finished != 0 && !_inputs.AutoGain(0).Running && !_inputs.AutoGain(1).Running)
            {
                // Both done: the LEDs say how it went for a few seconds (the log says why).
                bool ok = Succeeded(_inputs.AutoGain(0).Result) && Succeeded(_inputs.AutoGain(1).Result);
                _state.AutoGainSucceeded = ok;
                _state.AutoGainShownUntilMs = nowMs + AutoGainShowMs;
            }
        }

        // Silence on an input nobody plugged anything into is no failure of the other.
        private static bool Succeeded(AutoGainResult result)
        {
            return result == AutoGainResult.Success || result == AutoGainResult.Silence;
        }

        /// <summary>The inputs (meters, gains, auto gain, clip guard); null until the chips are up or on a board without an ADC tap.</summary>
        public InputSection Inputs
        {
            get { return _inputs; }
        }
    }
}
