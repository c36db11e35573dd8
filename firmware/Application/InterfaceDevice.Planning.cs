using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Faults;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Firmware.Output;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Firmware.Planning;
using InterfaceFirmware.Hal;

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
        private void PlanJack(int j)
        {
            JackSettings jack = _settings.Jacks[j];
            int blend = _settings.Blend;
            int centre = Settings.BlendPositions / 2;
            int playbackOffset = blend >= centre ? 0 : (blend == 0 ? GainScale.Muted : -(centre - blend) * 100);
            int monitorOffset = blend <= centre ? 0 : (blend == Settings.BlendPositions ? GainScale.Muted : -(blend - centre) * 100);
            int inputGain = InputGainSetting(0) > InputGainSetting(1) ? InputGainSetting(0) : InputGainSetting(1);
            _planners[j].Plan(jack.LevelCentiDb, jack.Range, !WantOpen(j), _settings.Monitor, playbackOffset, monitorOffset, inputGain, _targets[j]);
        }

        private bool WantOpen(int j)
        {
            JackState state = _state.Jacks[j];
            bool amplifierOk = !_profile.Jacks[j].ThroughAmplifier || _amplifier == null
                || (_amplifier.Status == DriverStatus.Ok && _thermalUntilMs < 0 && !_amplifierWatch.Failed);
            return _stage == ClockStage.Live && state.Plugged && !state.Muted && !state.AtFloor && amplifierOk
                && _codecs[_profile.Jacks[j].CodecIndex].Status == DriverStatus.Ok && !_codecWatch[_profile.Jacks[j].CodecIndex].Failed;
        }
    }
}
