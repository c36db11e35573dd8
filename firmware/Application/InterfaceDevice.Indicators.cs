using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>What the LEDs show.</summary>
    public sealed partial class InterfaceDevice
    {
        private int CurrentIndications(long nowMs)
        {
            int bits = 0;
            if (_state.Fault)
            {
                bits |= LedController.Bit(Indication.Fault);
            }

            if (_state.Busy)
            {
                bits |= LedController.Bit(Indication.Busy);
            }

            if (nowMs < _state.ClipUntilMs)
            {
                bits |= LedController.Bit(Indication.Clip);
            }

            if (nowMs < _state.AutoGainShownUntilMs)
            {
                bits |= LedController.Bit(_state.AutoGainSucceeded ? Indication.AutoGainSucceeded : Indication.AutoGainFailed);
            }

            if (nowMs < _state.EqShownUntilMs)
            {
                bits |= LedController.Bit(Indication.EqPreset);
            }

            if (nowMs < _state.ShowSelectionUntilMs)
            {
                bits |= LedController.Bit(_state.SelectedJack == 0 ? Indication.SelectedFirstJack : Indication.SelectedSecondJack);
            }

            JackState selected = _state.Jacks[_state.SelectedJack];
            if (selected.Muted || selected.AtFloor)
            {
                bits |= LedController.Bit(Indication.Muted);
            }

            MonitorMode monitor = _targets[0].MonitorMode;
            if (monitor == MonitorMode.Stereo)
            {
                bits |= LedController.Bit(Indication.MonitorStereo);
            }
            else if (monitor == MonitorMode.Mono)
            {
                bits |= LedController.Bit(Indication.MonitorMono);
            }

            bits |= LedController.Bit(_state.UsbMode ? Indication.UsbMode : Indication.Standalone);
            return bits;
        }
    }
}
