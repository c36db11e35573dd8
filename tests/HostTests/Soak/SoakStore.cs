using System;
using System.Collections.Generic;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>
    /// The settings flash as the firmware sees it, with a witness in between: every write that
    /// completed is remembered (its payload: the settings fields), and a power cut can be armed for
    /// the next write (the flash tears it after a chosen number of bytes and the board loses power
    /// inside that write, as on the device). Passes every call through unchanged otherwise.
    /// </summary>
    internal sealed class SoakStore : ISettingsStore
    {
        private readonly SettingsFlash _flash;
        private readonly int _payloadLength;
        private readonly List<byte[]> _completed = new List<byte[]>();
        private int _cutAfterBytes = -1;

        public SoakStore(SettingsFlash flash, int jackCount)
        {
            _flash = flash;
            var record = new SettingsRecord(SettingsLayout.Current(), jackCount);
            _payloadLength = record.PayloadLength;
            // Before any save, a boot loads the defaults: they are the "save" every history starts from.
            var defaults = new byte[_payloadLength];
            record.WriteFields(new Settings(jackCount), defaults, 0);
            _completed.Add(defaults);
        }

        /// <summary>Called from inside the torn write: the board must lose power now.</summary>
        public Action PowerCut { get; set; }

        public int SlotCount => _flash.SlotCount;

        public int MaxRecordSize => _flash.MaxRecordSize;

        /// <summary>Completed saves, the defaults first.</summary>
        public IReadOnlyList<byte[]> Completed => _completed;

        /// <summary>The payload of the write the last cut tore if every one of its bytes had landed (then also the last of <see cref="Completed"/>), else null.</summary>
        public byte[] TornButWhole { get; private set; }

        public bool CutArmed => _cutAfterBytes >= 0;

        /// <summary>Writes the firmware attempted while a cut was armed and the flash tore.</summary>
        public int TornWrites { get; private set; }

        public void ArmCut(int bytesThatLand)
        {
            _cutAfterBytes = bytesThatLand;
        }

        public void Disarm()
        {
            _cutAfterBytes = -1;
        }

        public int Read(int slot, byte[] buffer, int offset, int count)
        {
            return _flash.Read(slot, buffer, offset, count);
        }

        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            byte[] payload = new byte[_payloadLength];
            Array.Copy(buffer, offset + SettingsRecord.HeaderLength, payload, 0, _payloadLength);
            if (_cutAfterBytes < 0)
            {
                bool ok = _flash.Write(slot, buffer, offset, count);
                if (ok)
                {
                    _completed.Add(payload);
                    TornButWhole = null;
                }

                return ok;
            }

            int landed = _cutAfterBytes > count ? count : _cutAfterBytes;
            _cutAfterBytes = -1;
            _flash.CutPowerDuringNextWrite(landed);
            bool result = _flash.Write(slot, buffer, offset, count);
            TornWrites++;
            TornButWhole = landed == count ? payload : null;
            if (landed == count)
            {
                _completed.Add(payload); // every byte landed before the power went: the flash holds a complete record
            }
            PowerCut?.Invoke();
            return result;
        }

        /// <summary>The payload a settings object would be saved as.</summary>
        public byte[] PayloadOf(Settings settings, int jackCount)
        {
            var record = new SettingsRecord(SettingsLayout.Current(), jackCount);
            var payload = new byte[_payloadLength];
            record.WriteFields(settings, payload, 0);
            return payload;
        }
    }
}
