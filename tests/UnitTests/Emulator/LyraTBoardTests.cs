using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>The Espressif ESP32-LyraT v4.3: ES8388 at 0x10 on SDA 18 / SCL 23, buttons and touch pads, jack detect on 19.</summary>
    [TestClass]
    public class LyraTBoardTests
    {
        [TestMethod]
        public static void TheBoardBuildsAndItsCodecAnswersAt0x10()
        {
            var board = new VirtualBoard(BoardDescription.LyraT(), 4);
            Assert.IsNotNull(board.Es8388);
            Assert.IsNull(board.Amplifier);
            Assert.AreEqual(0x10, board.Es8388.Address);

            // CONTROL1 reads back its power-on value (0x06: ENREF, VMID 500 kΩ) from the codec at 0x10
            var read = new byte[1];
            Assert.AreEqual((int)I2cStatus.Ok, (int)board.Bus.WriteRead(0x10, new byte[] { 0x00 }, 0, 1, read, 0, 1));
            Assert.AreEqual(0x06, (int)read[0]);
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)board.Bus.WriteRead(0x1A, new byte[] { 0x00 }, 0, 1, read, 0, 1),
                "no WM8960 on this board");
        }

        [TestMethod]
        public static void ItsButtonsJackDetectAndLedAreOnThePublishedPins()
        {
            var board = new VirtualBoard(BoardDescription.LyraT(), 4);
            Assert.AreEqual(18, board.Description.I2cDataPin);
            Assert.AreEqual(23, board.Description.I2cClockPin);
            Assert.AreEqual(36, board.ButtonInput("rec").Pin);
            Assert.AreEqual(39, board.ButtonInput("mode").Pin);
            Assert.AreEqual(33, board.ButtonInput("play").Pin);
            Assert.AreEqual(32, board.ButtonInput("set").Pin);
            Assert.AreEqual(27, board.ButtonInput("volume-up").Pin);
            Assert.AreEqual(13, board.ButtonInput("volume-down").Pin);
            Assert.IsTrue(board.ButtonInput("rec").Read(), "released buttons read high");
            Assert.AreEqual(19, board.JackDetect.Pin);
            board.PlugHeadphones(true);
            Assert.IsFalse(board.JackDetect.Read(), "low with a plug in");
            Assert.AreEqual(21, board.SpeakerAmplifierEnable.Pin);
            Assert.IsFalse(board.LedOn("green"));
        }
    }
}
