using InterfaceFirmware.Drivers;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>From the settings and the state to each jack's targets.</summary>
    public sealed partial class InterfaceDevice
    {
        // ---- planning ------------------------------------------------------------------------------

        // The blend law: 64 positions, 1 dB apart. At the centre (32) playback and the monitor are
        // both at the jack's level (equally loud); towards the inputs, playback goes down 1 dB a
        // position and the monitor stays; towards playback, the monitor goes down and playback
        // stays; at the ends the other side is off. The louder side is always at the jack's level,
        // so the blend never makes a jack louder than its level.
        // Planning is pure: it runs again only when one of its inputs changed (the interpreter's
        // time is the loop's budget).
        private void PlanJack(int j)
        {
            PlanJack(j, WantOpen(j));
        }

        private bool PlanJack(int j, bool wantOpen)
        {
            JackSettings jack = _jackSettings[j];
            int blend = _settings.Blend;
            int inputGain = InputGainSetting(0);
            int inputGain2 = InputGainSetting(1);
            if (inputGain2 > inputGain)
            {
                inputGain = inputGain2;
            }

            PlanInputs key = _planned[j];
            if (key.Valid && key.Level == jack.LevelCentiDb && key.Range == jack.Range && key.Silent == !wantOpen
                && key.Monitor == _settings.Monitor && key.Blend == blend && key.InputGain == inputGain
                && key.Pan1 == _settings.Pan[0] && key.Pan2 == _settings.Pan[1])
            {
                return false;
            }

            int centre = Settings.BlendPositions / 2;
            int playbackOffset = blend >= centre ? 0 : (blend == 0 ? GainScale.Muted : -(centre - blend) * 100);
            int monitorOffset = blend <= centre ? 0 : (blend == Settings.BlendPositions ? GainScale.Muted : -(blend - centre) * 100);
            _planners[j].Plan(jack.LevelCentiDb, jack.Range, !wantOpen, _settings.Monitor, playbackOffset, monitorOffset, inputGain,
                _settings.Pan[0], _settings.Pan[1], _targets[j]);
            key.Valid = true;
            key.Level = jack.LevelCentiDb;
            key.Range = jack.Range;
            key.Silent = !wantOpen;
            key.Monitor = _settings.Monitor;
            key.Blend = blend;
            key.InputGain = inputGain;
            key.Pan1 = _settings.Pan[0];
            key.Pan2 = _settings.Pan[1];
            return true;
        }

        /// <summary>What a jack's targets were planned from.</summary>
        private sealed class PlanInputs
        {
            public bool Valid;
            public int Level;
            public HeadphoneRange Range;
            public bool Silent;
            public MonitorMode Monitor;
            public int Blend;
            public int InputGain;
            public int Pan1;
            public int Pan2;
        }

        // Looked at every step while anything moves: the profile's facts come from arrays filled
        // once (a property chain a term costs the interpreter a call each).
        private bool WantOpen(int j)
        {
            JackState state = _jackStates[j];
            int codec = _jackCodec[j];
            return _stage == ClockStage.Live && !_inputSwitching && state.Plugged && !state.Muted && !state.AtFloor
                && (!_jackThroughAmplifier[j] || _amplifier == null || (_amplifier.Status == DriverStatus.Ok && _thermalUntilMs < 0 && !_amplifierWatch.Failed))
                && _codecs[codec].Status == DriverStatus.Ok && !_codecWatch[codec].Failed && _recovery[codec] == CodecRecovery.None && !_clockRefused[codec]
                && !EqHoldsClosed(j);
        }
    }
}
