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
            ClipGuard guard = _inputs.ClipGuard;
            InputGains gains = _inputs.Gains;
            bool[] guardWanted = _settings.ClipGuard;
            int[] gainSettings = _settings.InputGainCentiDb;
            for (int c = 0; c < Settings.InputCount; c++)
            {
                if (guard.Enabled(c) != guardWanted[c])
                {
                    guard.SetEnabled(c, guardWanted[c]);
                }

                gainSettings[c] = gains.GainCentiDb(c);
            }

            if (_mirroredGain[0] != gainSettings[0] || _mirroredGain[1] != gainSettings[1])
            {
                _mirroredGain[0] = gainSettings[0];
                _mirroredGain[1] = gainSettings[1];
                LookAgainNow(); // the monitor's plan follows the input gain
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (i != _captureCodec && _codecs[i].Status == DriverStatus.Ok)
                    {
                        _codecs[i].SetInputGain(new StereoGain(_mirroredGain[0], _mirroredGain[1]));
                    }
                }
            }

            AutoGain left = _inputs.AutoGain(0);
            AutoGain right = _inputs.AutoGain(1);
            bool autoGainRuns = left.Running || right.Running;
            _state.Busy = _stage != ClockStage.Live || autoGainRuns;
            PeakMeter meter = _inputs.Meter;
            if (meter.Clipping(0) || meter.Clipping(1))
            {
                _state.ClipUntilMs = nowMs + 1;
            }

            if (finished != 0 && !autoGainRuns)
            {
                // Both done: the LEDs say how it went for a few seconds (the log says why).
                bool ok = Succeeded(left.Result) && Succeeded(right.Result);
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
